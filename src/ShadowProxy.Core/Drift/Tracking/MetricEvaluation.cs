namespace ShadowProxy.Core.Drift.Tracking;

/// <summary>One metric's raw result for one key, before multiple-testing adjustment and hysteresis.</summary>
internal sealed record MetricEvaluation
{
    public const string InsufficientDataNote = "insufficient data";

    public required string Name { get; init; }

    /// <summary>Pairs (or samples) the metric was computed on.</summary>
    public long Pairs { get; init; }

    public double? BaselineValue { get; init; }

    public double? PrimaryValue { get; init; }

    public double? Delta { get; init; }

    /// <summary>95% interval of <see cref="Delta"/>.</summary>
    public double? CiLow { get; init; }

    public double? CiHigh { get; init; }

    /// <summary>Null when there is too little data for a verdict.</summary>
    public double? PValue { get; init; }

    public DateTimeOffset? ChangeStartedAt { get; init; }

    public string? Note { get; init; }

    public bool HasVerdict => PValue is not null;

    public static MetricEvaluation Insufficient(string name, long pairs) =>
        new() { Name = name, Pairs = pairs, Note = InsufficientDataNote };
}
