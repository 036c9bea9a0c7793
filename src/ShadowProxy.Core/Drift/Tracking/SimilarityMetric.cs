namespace ShadowProxy.Core.Drift.Tracking;

/// <summary>
/// Are the primary's answers less similar to the baseline's than the baseline's own replicates are? A one-sided
/// Mann–Whitney test of the primary-vs-baseline similarities against the replicate-vs-baseline ones, on mergeable
/// histograms. Free text has no noise floor to assume — two samples of prose are never equal — so without enough
/// replicate pairs there is no verdict.
/// </summary>
internal static class SimilarityMetric
{
    public const string NeedsReplicatesNote = "needs baseline replicates (NoiseReplicateRate)";

    public static MetricEvaluation Evaluate(SimilarityKind kind, DriftBucket window, IReadOnlyList<IndexedDriftBucket> buckets, DriftOptions options)
    {
        var name = SimilarityKinds.MetricName(kind);
        var primary = window.Similarity(kind);
        var noise = window.NoiseSimilarity(kind);
        if (primary.Count < options.MinPairs || noise.Count < options.MinNoisePairs)
        {
            return MetricEvaluation.Insufficient(name, primary.Count) with
            {
                Note = noise.Count < options.MinNoisePairs && primary.Count >= options.MinPairs ? NeedsReplicatesNote : MetricEvaluation.InsufficientDataNote,
            };
        }

        var delta = primary.Mean - noise.Mean;
        var standardError = Math.Sqrt((primary.Variance / primary.Count) + (noise.Variance / noise.Count));
        return new MetricEvaluation
        {
            Name = name,
            Pairs = primary.Count,
            BaselineValue = noise.Mean,
            PrimaryValue = primary.Mean,
            Delta = delta,
            CiLow = delta - (Confidence95.Z * standardError),
            CiHigh = delta + (Confidence95.Z * standardError),
            // Bins run from most to least similar: "greater bins" is "less similar than the replicates".
            PValue = MannWhitneyTest.Greater(primary.Counts, noise.Counts).PValue,
            ChangeStartedAt = ChangeStart(kind, buckets, Math.Sqrt(primary.Variance), options),
        };
    }

    private static DateTimeOffset? ChangeStart(SimilarityKind kind, IReadOnlyList<IndexedDriftBucket> buckets, double deviation, DriftOptions options)
    {
        var series = buckets
            .Select(b => (b.BucketIndex, Histogram: b.Counts.Similarity(kind)))
            .Where(static b => b.Histogram.Count > 0)
            .Select(static b => new BucketPoint(b.BucketIndex, b.Histogram.Count, b.Histogram.Mean))
            .ToList();
        var index = ChangePointLocator.Locate(series, deviation, options.ChangeThreshold);
        return index is { } i ? options.BucketStart(i) : null;
    }
}
