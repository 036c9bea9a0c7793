namespace ShadowProxy.Yarp.Shadowing.Policy;

/// <summary>Caps on what shadowing may spend per route; above them sampling pauses (`skipped_budget`).</summary>
internal sealed record ShadowBudgetOptions
{
    /// <summary>Baseline requests per minute; 0 means no cap.</summary>
    public int RequestsPerMinute { get; init; } = 600;

    /// <summary>Baseline tokens (prompt + completion) per UTC day; 0 means no cap.</summary>
    public long TokensPerDay { get; init; } = 5_000_000;
}
