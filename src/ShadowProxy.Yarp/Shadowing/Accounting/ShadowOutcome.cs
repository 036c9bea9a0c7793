namespace ShadowProxy.Yarp.Shadowing.Accounting;

/// <summary>How a sampled request ended. Every sampled request gets exactly one.</summary>
internal enum ShadowOutcome
{
    Paired,
    BaselineError,
    BaselineTimeout,
    CircuitOpen,
    DroppedQueueFull,
    DroppedConcurrency,
    CaptureTruncated,
    SkippedBudget,
    SkippedStateful,
    PrimaryFailed,
    DroppedShutdown,
    SkippedInvalidRequest,

    /// <summary>The primary answered 4xx (a bad key, a rate limit): nothing to compare, and no baseline spend.</summary>
    PrimaryClientError,

    /// <summary>The primary answered 5xx.</summary>
    PrimaryServerError,

    /// <summary>The primary answered neither 2xx, 4xx nor 5xx (e.g. a redirect).</summary>
    PrimaryOtherStatus,

    /// <summary>The shadow buffers' byte budget (Shadowing:MaxBufferedBytes) was spent: the sample was let go.</summary>
    DroppedMemoryLimit,

    /// <summary>The baseline copy's output cap (Baseline:MaxOutputTokens) cut the baseline's answer short.</summary>
    BaselineCapped,

    /// <summary>
    /// The job left the shared queue without being compared: Redis lost it (a restart without persistence, an
    /// eviction) or the stream's length cap trimmed it. Counted by the process that queued it.
    /// </summary>
    DroppedLost,

    /// <summary>The job was authentic but this worker could not read it (a format from another release).</summary>
    DroppedUnreadable,

    /// <summary>The baseline speaks another provider's format (`Baseline:Provider`) that cannot carry this request.</summary>
    SkippedUntranslatable,

    /// <summary>The process was short of CPU (Shadowing:MaxCpuUtilization): the sample was let go before any capture.</summary>
    DroppedCpuLimit,
}

internal static class ShadowOutcomes
{
    private static readonly string[] Names =
    [
        "paired", "baseline_error", "baseline_timeout", "circuit_open", "dropped_queue_full", "dropped_concurrency",
        "capture_truncated", "skipped_budget", "skipped_stateful", "primary_failed", "dropped_shutdown", "skipped_invalid_request",
        "primary_4xx", "primary_5xx", "primary_other_status", "dropped_memory_limit", "baseline_capped",
        "dropped_lost", "dropped_unreadable", "skipped_untranslatable", "dropped_cpu_limit",
    ];

    /// <summary>The outcome of a sampled request whose primary did not answer 2xx; null when it did.</summary>
    public static ShadowOutcome? ForPrimaryStatus(int statusCode) => statusCode switch
    {
        >= 200 and < 300 => null,
        >= 400 and < 500 => ShadowOutcome.PrimaryClientError,
        >= 500 => ShadowOutcome.PrimaryServerError,
        _ => ShadowOutcome.PrimaryOtherStatus,
    };

    public static IReadOnlyList<string> AllNames => Names;

    public static string Name(this ShadowOutcome outcome) => Names[(int)outcome];
}
