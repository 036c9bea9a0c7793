namespace ShadowProxy.Core.Drift.Tracking;

/// <summary>
/// Is the primary disagreeing with the baseline — on answers, called functions or their arguments — more often
/// than the baseline disagrees with itself?
/// One-sided: a primary that agrees more than the noise floor is not drift. Without enough replicate pairs there
/// is no floor to test against, and no p-value.
/// </summary>
internal static class DisagreementMetric
{
    public static (MetricEvaluation Metric, RateEstimate Disagreement, RateEstimate NoiseFloor) Evaluate(
        DisagreementKind kind, DriftBucket window, IReadOnlyList<IndexedDriftBucket> buckets, DriftOptions options)
    {
        var name = DisagreementKinds.MetricName(kind);
        var counts = window.Disagreement(kind);
        var disagreement = RateEstimate.Measure(counts.Disagreements, counts.Decided);
        var noise = RateEstimate.Measure(counts.NoiseDisagreements, counts.NoisePairs);
        if (counts.Decided < options.MinPairs || counts.NoisePairs < options.MinNoisePairs)
        {
            return (MetricEvaluation.Insufficient(name, counts.Decided) with
            {
                PrimaryValue = counts.Decided == 0 ? null : disagreement.Rate,
                Note = counts.Decided >= options.MinPairs ? SimilarityMetric.NeedsReplicatesNote : MetricEvaluation.InsufficientDataNote,
            }, disagreement, noise);
        }

        var decided = checked((int)counts.Decided);
        var disagreements = checked((int)counts.Disagreements);
        var pValue = TwoProportionZTest.Greater(disagreements, decided, checked((int)counts.NoiseDisagreements), checked((int)counts.NoisePairs)).PValue;
        var delta = disagreement.Rate - noise.Rate;
        // Newcombe's hybrid score interval for a difference of proportions, built from the two Wilson intervals.
        var low = delta - Math.Sqrt(Square(disagreement.Rate - disagreement.CiLow) + Square(noise.CiHigh - noise.Rate));
        var high = delta + Math.Sqrt(Square(disagreement.CiHigh - disagreement.Rate) + Square(noise.Rate - noise.CiLow));
        var metric = new MetricEvaluation
        {
            Name = name,
            Pairs = counts.Decided,
            BaselineValue = noise.Rate,
            PrimaryValue = disagreement.Rate,
            Delta = delta,
            CiLow = low,
            CiHigh = high,
            PValue = pValue,
            ChangeStartedAt = ChangeStart(kind, buckets, disagreement.Rate, options),
        };
        return (metric, disagreement, noise);
    }

    private static DateTimeOffset? ChangeStart(DisagreementKind kind, IReadOnlyList<IndexedDriftBucket> buckets, double pooledRate, DriftOptions options)
    {
        var series = buckets
            .Select(b => (b.BucketIndex, Counts: b.Counts.Disagreement(kind)))
            .Where(static b => b.Counts.Decided > 0)
            .Select(static b => new BucketPoint(b.BucketIndex, b.Counts.Decided, (double)b.Counts.Disagreements / b.Counts.Decided))
            .ToList();
        var index = ChangePointLocator.Locate(series, Math.Sqrt(pooledRate * (1 - pooledRate)), options.ChangeThreshold);
        return index is { } i ? options.BucketStart(i) : null;
    }

    private static double Square(double value) => value * value;
}
