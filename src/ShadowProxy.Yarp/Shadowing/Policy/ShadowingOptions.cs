namespace ShadowProxy.Yarp.Shadowing.Policy;

/// <summary>The `Shadowing` section: the shared queue and workers, and a policy per YARP route id.</summary>
internal sealed record ShadowingOptions
{
    public const string Section = "Shadowing";

    /// <summary>Exchanges waiting for a baseline call; past this they are dropped and counted, never waited for.</summary>
    public int QueueCapacity { get; init; } = 1_000;

    /// <summary>Shadow jobs (baseline calls and comparisons) in flight at once; calls take seconds and are I/O-bound, so
    /// many are cheap. Each route also has its own concurrency cap (Baseline:MaxConcurrency).</summary>
    public int Workers { get; init; } = 32;

    /// <summary>
    /// `Lowest` (default): a worker starts a job only when a thread at the lowest OS priority gets to run, and runs the
    /// whole job on it, so shadowing only uses CPU the proxied traffic leaves idle; a saturated process sheds shadow
    /// work (counted `dropped_queue_full`) instead of slowing its clients. The baseline's HTTP exchange resumes on the
    /// thread pool, so its timings hold. `Normal`: the proxy's own priority throughout. Read at start.
    /// </summary>
    public WorkerPriority WorkerPriority { get; init; } = WorkerPriority.Lowest;

    /// <summary>
    /// Share of its CPU allowance (a container's CPU limit, else its cores) above which the process lets new samples
    /// go, counted `dropped_cpu_limit`, keeping one per route per second; 1 turns it off. Lowest-priority workers
    /// only yield to the proxied traffic, while a CPU limit charges their work to the same quota.
    /// </summary>
    public double MaxCpuUtilization { get; init; } = 0.9;

    /// <summary>At shutdown, how long in-flight baseline calls may finish before they are cancelled (and counted).</summary>
    public TimeSpan ShutdownGrace { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Bytes all shadow buffers of a process may hold at once (captured requests, teed answers, queued exchanges,
    /// baseline answers); a sample that would need more is dropped and counted `dropped_memory_limit`. Read at start.
    /// </summary>
    public long MaxBufferedBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>
    /// Key of the hash behind `SamplingKey: header:NAME`, so callers cannot work out which keys are sampled. Give every
    /// replica the same value (from a secret) for consistent per-tenant sampling; unset, each process draws its own.
    /// Read at start.
    /// </summary>
    public string? SamplingSecret { get; init; }

    public Dictionary<string, RouteShadowOptions> Routes { get; init; } = [];
}
