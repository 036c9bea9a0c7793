namespace ShadowProxy.Core.Drift.Tracking;

internal sealed record DriftMetricReport
{
    public const string DescriptiveNote = "descriptive: does not raise drift";

    public const string LearningNoiseNote = "warming up: learning the noise floor from baseline replicates";

    public const string LearningReferenceNote = "warming up: learning the accepted reference";

    public required string Name { get; init; }

    public long Pairs { get; init; }

    public double? BaselineValue { get; init; }

    public double? PrimaryValue { get; init; }

    public double? Delta { get; init; }

    public double? CiLow { get; init; }

    public double? CiHigh { get; init; }

    public double? PValue { get; init; }

    /// <summary>Benjamini–Hochberg across every metric of every key in the same evaluation; descriptive, like the window it tests.</summary>
    public double? PAdjusted { get; init; }

    /// <summary>The verdict, from the sequential detector (never from the window's p-value).</summary>
    public DriftState State { get; init; }

    /// <summary>
    /// ln of the metric's e-detector: the evidence of a change, compared with <see cref="DriftReport.WarningThreshold"/>
    /// and <see cref="DriftReport.DriftThreshold"/>; null for descriptive metrics.
    /// </summary>
    public double? Evidence { get; init; }

    public string? Note { get; init; }

    /// <summary>Start of the bucket where the change began; only given while the metric is not Ok.</summary>
    public DateTimeOffset? ChangeStartedAt { get; init; }

    /// <summary>
    /// The metric's own trials (decided pairs, discordant pairs, replicated requests…) since the change began, when it
    /// entered Drift; kept until it clears.
    /// </summary>
    public long? PairsAtDetection { get; init; }

    public DateTimeOffset? FirstDriftAt { get; init; }
}
