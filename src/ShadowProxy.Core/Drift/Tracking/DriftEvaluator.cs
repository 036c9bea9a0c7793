namespace ShadowProxy.Core.Drift.Tracking;

/// <summary>
/// Describes every metric for one key over its window: rates, intervals and fixed-window p-values for the
/// explorer and reports. Pure: the same counts give the same result, whichever replica evaluates. Verdicts do not
/// come from here but from the sequential <see cref="KeyMonitor"/>. The metrics come out in
/// <see cref="DriftMetricCatalogue"/> order.
/// </summary>
internal static class DriftEvaluator
{
    public static KeyEvaluation Evaluate(IReadOnlyList<IndexedDriftBucket> window, DriftOptions options)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(options);
        var merged = Merge(window);
        var (disagreement, disagreementRate, noiseFloor) = DisagreementMetric.Evaluate(DisagreementKind.Answer, merged, window, options);
        var metrics = new List<MetricEvaluation> { disagreement };
        metrics.AddRange(DisagreementKinds.All.Where(static k => k != DisagreementKind.Answer)
            .Select(kind => DisagreementMetric.Evaluate(kind, merged, window, options).Metric));
        metrics.AddRange(SimilarityKinds.All.Select(kind => SimilarityMetric.Evaluate(kind, merged, window, options)));
        metrics.AddRange(DriftFlags.All.Select(flag => FlagMetric.Evaluate(flag, merged, window, options)));
        metrics.Add(LengthRatioMetric.Evaluate(merged, window, options));
        metrics.Add(AnswerDistributionMetric.Evaluate(merged, options));
        metrics.Add(LengthPsiMetric.Evaluate(merged, window, options));
        return new KeyEvaluation
        {
            Pairs = merged.Pairs,
            Disagreement = disagreementRate,
            NoiseFloor = noiseFloor,
            Metrics = metrics,
        };
    }

    private static DriftBucket Merge(IEnumerable<IndexedDriftBucket> buckets)
    {
        var merged = new DriftBucket();
        foreach (var bucket in buckets)
        {
            merged.Merge(bucket.Counts);
        }

        return merged;
    }
}
