namespace ShadowProxy.Core.Drift.Tracking;

internal sealed record DriftKeyReport
{
    public required DriftKey Key { get; init; }

    /// <summary>Pairs in the window.</summary>
    public long Pairs { get; init; }

    /// <summary>How often the baseline disagrees with its own replicate.</summary>
    public required RateEstimate NoiseFloor { get; init; }

    public required RateEstimate Disagreement { get; init; }

    public required IReadOnlyList<DriftMetricReport> Metrics { get; init; }

    /// <summary>Accepted changes, oldest first: the audit trail of re-baselining.</summary>
    public IReadOnlyList<DriftAcceptance> Acceptances { get; init; } = [];

    public DriftState State => Metrics.Count == 0 ? DriftState.Ok : Metrics.Max(static m => m.State);
}
