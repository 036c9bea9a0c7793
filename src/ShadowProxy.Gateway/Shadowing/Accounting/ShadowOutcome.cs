namespace ShadowProxy.Gateway.Shadowing.Accounting;

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
}

internal static class ShadowOutcomes
{
    private static readonly string[] Names =
    [
        "paired", "baseline_error", "baseline_timeout", "circuit_open", "dropped_queue_full", "dropped_concurrency",
        "capture_truncated", "skipped_budget", "skipped_stateful", "primary_failed", "dropped_shutdown", "skipped_invalid_request",
    ];

    public static IReadOnlyList<string> AllNames => Names;

    public static string Name(this ShadowOutcome outcome) => Names[(int)outcome];
}
