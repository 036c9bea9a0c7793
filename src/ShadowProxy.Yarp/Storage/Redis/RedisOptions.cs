namespace ShadowProxy.Yarp.Storage.Redis;

/// <summary>The `Redis` section: set a connection string and every store is shared by all replicas through Redis.</summary>
internal sealed record RedisOptions
{
    public const string Section = "Redis";

    /// <summary>A StackExchange.Redis configuration string, e.g. `redis:6379,password=...`; unset keeps every store in-process.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Secret (at least 32 characters, the same on every process) that encrypts and authenticates shadow jobs on the
    /// stream: Redis never holds a prompt, an answer or a forwarded credential in clear, and a job written without the
    /// key is refused.
    /// </summary>
    public string? PayloadKey { get; init; }

    /// <summary>Prepended to every key, so several deployments can share one Redis.</summary>
    public string KeyPrefix { get; init; } = "shadowproxy:";

    /// <summary>Approximate cap on the shadow stream (XADD MAXLEN ~).</summary>
    public long StreamMaxLength { get; init; } = 100_000;

    /// <summary>A job pending this long with a worker that stopped answering is re-claimed by another worker.</summary>
    public TimeSpan ClaimIdleAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a pair's "done" mark keeps a re-delivered job from being counted again.</summary>
    public TimeSpan DoneMarkTtl { get; init; } = TimeSpan.FromDays(1);

    /// <summary>Most evidence records kept per route; older ones are trimmed from the route's index as new ones arrive.</summary>
    public int MaxStoredPairs { get; init; } = 10_000;
}
