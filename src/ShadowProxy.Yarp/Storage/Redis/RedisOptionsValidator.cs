using ShadowProxy.Yarp.Hosting.Configuration;

namespace ShadowProxy.Yarp.Storage.Redis;

/// <summary>The `Redis` section; nothing is checked while no connection string turns Redis on.</summary>
internal sealed class RedisOptionsValidator : OptionsValidator<RedisOptions>
{
    protected override void Check(RedisOptions options, List<string> errors)
    {
        if (string.IsNullOrEmpty(options.ConnectionString))
        {
            return;
        }

        try
        {
            _ = StackExchange.Redis.ConfigurationOptions.Parse(options.ConnectionString);
        }
        catch (ArgumentException e)
        {
            errors.Add($"Redis:ConnectionString: not a valid StackExchange.Redis configuration string ({e.Message}).");
        }

        if (string.IsNullOrWhiteSpace(options.KeyPrefix))
        {
            errors.Add("Redis:KeyPrefix: must not be blank; it separates this deployment's keys from others in the same Redis.");
        }

        if (options.PayloadKey is not { Length: >= StreamPayloadProtector.MinKeyChars })
        {
            errors.Add($"Redis:PayloadKey: set a secret of at least {StreamPayloadProtector.MinKeyChars} characters, the same on every process sharing this Redis; "
                + "shadow jobs are encrypted and authenticated with it, so Redis never holds prompts in clear and a forged job is refused.");
        }

        Positive(nameof(RedisOptions.ClaimIdleAfter), options.ClaimIdleAfter.Ticks, errors);
        Positive(nameof(RedisOptions.DoneMarkTtl), options.DoneMarkTtl.Ticks, errors);
        Positive(nameof(RedisOptions.StreamMaxLength), options.StreamMaxLength, errors);
        Positive(nameof(RedisOptions.MaxStoredPairs), options.MaxStoredPairs, errors);
    }

    private static void Positive(string name, long value, List<string> errors)
    {
        if (value <= 0)
        {
            errors.Add($"{RedisOptions.Section}:{name}: must be positive.");
        }
    }
}
