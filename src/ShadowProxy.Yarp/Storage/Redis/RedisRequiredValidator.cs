using ShadowProxy.Yarp.Hosting.Configuration;

namespace ShadowProxy.Yarp.Storage.Redis;

/// <summary>Registered when the host called <c>UseRedis()</c>: then a connection string must come from somewhere.</summary>
internal sealed class RedisRequiredValidator : OptionsValidator<RedisOptions>
{
    protected override void Check(RedisOptions options, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            errors.Add($"{RedisOptions.Section}:{nameof(RedisOptions.ConnectionString)}: UseRedis() was called without a connection string, and none is configured.");
        }
    }
}
