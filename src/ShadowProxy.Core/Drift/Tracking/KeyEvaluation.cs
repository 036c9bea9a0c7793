namespace ShadowProxy.Core.Drift.Tracking;

internal sealed record KeyEvaluation
{
    /// <summary>Pairs in the window.</summary>
    public long Pairs { get; init; }

    public required RateEstimate NoiseFloor { get; init; }

    /// <summary>Primary-vs-baseline disagreement over decided pairs.</summary>
    public required RateEstimate Disagreement { get; init; }

    public required IReadOnlyList<MetricEvaluation> Metrics { get; init; }
}
