namespace ShadowProxy.Core.Drift.Tracking;

internal sealed record DriftMetricReport
{
    public required string Name { get; init; }

    public long Pairs { get; init; }

    public double? BaselineValue { get; init; }

    public double? PrimaryValue { get; init; }

    public double? Delta { get; init; }

    public double? CiLow { get; init; }

    public double? CiHigh { get; init; }

    public double? PValue { get; init; }

    /// <summary>Benjamini–Hochberg across every metric of every key in the same evaluation.</summary>
    public double? PAdjusted { get; init; }

    public DriftState State { get; init; }

    public string? Note { get; init; }

    /// <summary>Start of the bucket where the change began; only given while the metric is not Ok.</summary>
    public DateTimeOffset? ChangeStartedAt { get; init; }

    /// <summary>Pairs in the key's window when the metric entered Drift (kept until it clears).</summary>
    public long? PairsAtDetection { get; init; }

    public DateTimeOffset? FirstDriftAt { get; init; }
}
