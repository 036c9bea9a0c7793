namespace ShadowProxy.Core.Drift.Tracking;

/// <summary>
/// Is the primary disagreeing with the baseline — on answers, called functions or their arguments — more often
/// than the baseline disagrees with itself?
/// One-sided: a primary that agrees more than the noise floor is not drift. With too few replicate pairs
/// the measured floor is replaced by the configured assumption and tested with an exact binomial tail.
/// </summary>
internal static class DisagreementMetric
{
    public static (MetricEvaluation Metric, RateEstimate Disagreement, RateEstimate NoiseFloor) Evaluate(
        DisagreementKind kind, DriftBucket window, IReadOnlyList<IndexedDriftBucket> buckets, DriftOptions options)
    {
        var name = DisagreementKinds.MetricName(kind);
        var counts = window.Disagreement(kind);
        var disagreement = RateEstimate.Measure(counts.Disagreements, counts.Decided);
        var measuredNoise = counts.NoisePairs >= options.MinNoisePairs;
        var noise = measuredNoise
            ? RateEstimate.Measure(counts.NoiseDisagreements, counts.NoisePairs)
            : new RateEstimate(options.AssumedNoiseFloor, options.AssumedNoiseFloor, options.AssumedNoiseFloor, counts.NoisePairs, Assumed: true);
        if (counts.Decided < options.MinPairs)
        {
            return (MetricEvaluation.Insufficient(name, counts.Decided), disagreement, noise);
        }

        var decided = checked((int)counts.Decided);
        var disagreements = checked((int)counts.Disagreements);
        var pValue = measuredNoise
            ? TwoProportionZTest.Greater(disagreements, decided, checked((int)counts.NoiseDisagreements), checked((int)counts.NoisePairs)).PValue
            : BinomialTest.UpperTail(disagreements, decided, options.AssumedNoiseFloor);
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
            DriftSized = delta >= options.MinRateEffect,
            ChangeStartedAt = ChangeStart(kind, buckets, disagreement.Rate, options),
            Note = measuredNoise ? null : "assumed noise floor",
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
