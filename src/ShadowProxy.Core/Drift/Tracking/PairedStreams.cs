namespace ShadowProxy.Core.Drift.Tracking;

/// <summary>
/// Every metric that can raise drift, as a paired stream. Only comparisons of the primary with the baseline on the
/// same requests are here, so a change in what users ask moves both sides alike; the answer distribution and length
/// PSI stay descriptive.
/// </summary>
internal static class PairedStreams
{
    /// <summary>Each flag's share: together a fifth of the budget.</summary>
    private static readonly double FlagShare = 0.2 / Enum.GetValues<DriftFlag>().Length;

    public static IReadOnlyList<PairedStream> All { get; } =
    [
        .. DisagreementKinds.All.Select(static kind => new PairedStream(DisagreementKinds.MetricName(kind), StreamNull.NoiseFloor, kind == DisagreementKind.Answer ? 0.3 : 0.1,
            b => Disagreement(b.Disagreement(kind).Decided, b.Disagreement(kind).Disagreements),
            b => Disagreement(b.Disagreement(kind).NoisePairs, b.Disagreement(kind).NoiseDisagreements))),
        // Similarity depends on what is asked far more than agreement on a checkable answer does, so it is judged on
        // replicated requests only, primary against replicate on the same request: slower, but a change in the
        // traffic mix cannot move it.
        .. SimilarityKinds.All.Select(static kind => new PairedStream(SimilarityKinds.MetricName(kind), StreamNull.Symmetric, kind == SimilarityKind.FreeText ? 0.2 : 0.05,
            b => [b.SimilarityOrder(kind).ReplicateLower, b.SimilarityOrder(kind).PrimaryLower])),
        .. DriftFlags.All.Select(static flag => new PairedStream(DriftFlags.MetricName(flag), StreamNull.Symmetric, FlagShare,
            b => [b.Flag(flag).BaselineOnly, b.Flag(flag).PrimaryOnly])),
        new(DriftMetricNames.LengthLogRatio, StreamNull.Symmetric, 0.05, static b => [b.LogRatioNegative, b.LogRatioPositive]),
    ];

    private static readonly Dictionary<string, PairedStream> ByName = All.ToDictionary(static s => s.Name, StringComparer.Ordinal);

    public static PairedStream? Find(string metricName) => ByName.GetValueOrDefault(metricName);

    /// <summary>Refuses a metric name that is given but raises no drift (null means every metric).</summary>
    public static void EnsureRaisesDrift(string? metricName)
    {
        if (metricName is not null && !ByName.ContainsKey(metricName))
        {
            throw new ArgumentException($"'{metricName}' is not a metric that raises drift; these do: {string.Join(", ", ByName.Keys)}.", nameof(metricName));
        }
    }

    private static long[] Disagreement(long decided, long disagreements) => [decided - disagreements, disagreements];
}
