using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ShadowProxy.Yarp.Admin;

/// <summary>
/// Redis only carries shadow work: primary traffic is served without it, so a lost connection makes the process
/// degraded (still ready, answered 200), never unready.
/// </summary>
internal sealed class RedisHealthCheck(IServiceProvider services) : IHealthCheck
{
    public const string Name = "shadowproxy-redis";
    public const string StateKey = "redis";

    private static readonly IReadOnlyDictionary<string, object> Connected = new Dictionary<string, object> { [StateKey] = "connected" };
    private static readonly IReadOnlyDictionary<string, object> Disconnected = new Dictionary<string, object> { [StateKey] = "disconnected" };

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (services.GetService<Storage.Redis.RedisConnection>() is not { } redis)
        {
            return Task.FromResult(HealthCheckResult.Healthy("Redis is not configured; every store is in-process."));
        }

        return Task.FromResult(redis.IsConnected
            ? HealthCheckResult.Healthy("Redis connected.", Connected)
            : HealthCheckResult.Degraded("Redis disconnected: shadow work waits, primary traffic is unaffected.", data: Disconnected));
    }
}
