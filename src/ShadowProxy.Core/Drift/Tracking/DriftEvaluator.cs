namespace ShadowProxy.Core.Drift.Tracking;

/// <summary>
/// Computes every metric for one key from its reference and window buckets. Pure: the same counts give the
/// same result, whichever replica evaluates. p-values are raw; adjustment and hysteresis come after. The metrics
/// come out in <see cref="DriftMetricCatalogue"/> order.
/// </summary>
internal static class DriftEvaluator
{
    public static KeyEvaluation Evaluate(IReadOnlyList<IndexedDriftBucket> reference, IReadOnlyList<IndexedDriftBucket> window, DriftOptions options)
    {
        ArgumentNullException.ThrowIfNull(reference);
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
        metrics.Add(LengthPsi(reference, window, options));
        return new KeyEvaluation
        {
            Pairs = merged.Pairs,
            Disagreement = disagreementRate,
            NoiseFloor = noiseFloor,
            Metrics = metrics,
        };
    }

    /// <summary>The window is compared with the reference only where they do not overlap.</summary>
    private static MetricEvaluation LengthPsi(IReadOnlyList<IndexedDriftBucket> reference, IReadOnlyList<IndexedDriftBucket> window, DriftOptions options)
    {
        var referenceEnd = reference.Count == 0 ? long.MaxValue : reference.Max(static b => b.BucketIndex);
        var later = window.Where(b => b.BucketIndex > referenceEnd).ToList();
        var all = reference.Concat(later).OrderBy(static b => b.BucketIndex).ToList();
        return LengthPsiMetric.Evaluate(Merge(reference), Merge(later), all, options);
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
