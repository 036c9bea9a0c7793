using ShadowProxy.Yarp.Hosting;
using ShadowProxy.Yarp.Storage.Redis;

namespace ShadowProxy.Yarp;

/// <summary>Options of <c>AddShadowing</c> that are choices of the host's code rather than of its configuration.</summary>
public sealed class ShadowingBuilder
{
    internal ShadowingBuilder(IServiceCollection services, IConfiguration configuration)
    {
        Services = services;
        RedisEnabled = !string.IsNullOrEmpty(configuration[$"{RedisOptions.Section}:{nameof(RedisOptions.ConnectionString)}"]);
    }

    /// <summary>The application's services, for registrations that go with shadowing.</summary>
    public IServiceCollection Services { get; }

    internal bool RedisEnabled { get; private set; }

    /// <summary>What this process does; the executable's <c>--role</c>. A library host proxies and compares.</summary>
    internal GatewayRole Role { get; set; } = GatewayRole.All;

    /// <summary>
    /// Shares the shadow queue, budgets, drift windows and evidence with every replica through Redis, reading the
    /// rest of the <c>Redis</c> section (<c>PayloadKey</c> is required). Setting <c>Redis:ConnectionString</c> in
    /// configuration does the same without code.
    /// </summary>
    /// <param name="connectionString">A StackExchange.Redis configuration string; null keeps <c>Redis:ConnectionString</c>.</param>
    /// <returns>This builder.</returns>
    public ShadowingBuilder UseRedis(string? connectionString = null)
    {
        if (connectionString is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
            Services.PostConfigure<RedisOptions>(options => options.ConnectionString = connectionString);
        }

        RedisEnabled = true;
        return this;
    }
}
