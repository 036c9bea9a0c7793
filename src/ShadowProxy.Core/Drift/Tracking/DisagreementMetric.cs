namespace ShadowProxy.Core.Drift.Tracking;

/// <summary>
/// Is the primary disagreeing with the baseline more often than the baseline disagrees with itself?
/// One-sided: a primary that agrees more than the noise floor is not drift. With too few replicate pairs
/// the measured floor is replaced by the configured assumption and tested with an exact binomial tail.
/// </summary>
internal static class DisagreementMetric
{
    public static (MetricEvaluation Metric, RateEstimate Disagreement, RateEstimate NoiseFloor) Evaluate(
        DriftBucket window, IReadOnlyList<IndexedDriftBucket> buckets, DriftOptions options)
    {
        var disagreement = RateEstimate.Measure(window.Disagreements, window.DecidedPairs);
        var measuredNoise = window.NoisePairs >= options.MinNoisePairs;
        var noise = measuredNoise
            ? RateEstimate.Measure(window.NoiseDisagreements, window.NoisePairs)
            : new RateEstimate(options.AssumedNoiseFloor, options.AssumedNoiseFloor, options.AssumedNoiseFloor, window.NoisePairs, Assumed: true);
        if (window.DecidedPairs < options.MinPairs)
        {
            return (MetricEvaluation.Insufficient(DriftMetricNames.AnswerDisagreement, window.DecidedPairs), disagreement, noise);
        }

        var decided = checked((int)window.DecidedPairs);
        var disagreements = checked((int)window.Disagreements);
        var pValue = measuredNoise
            ? TwoProportionZTest.Greater(disagreements, decided, checked((int)window.NoiseDisagreements), checked((int)window.NoisePairs)).PValue
            : BinomialTest.UpperTail(disagreements, decided, options.AssumedNoiseFloor);
        var delta = disagreement.Rate - noise.Rate;
        // Newcombe's hybrid score interval for a difference of proportions, built from the two Wilson intervals.
        var low = delta - Math.Sqrt(Square(disagreement.Rate - disagreement.CiLow) + Square(noise.CiHigh - noise.Rate));
        var high = delta + Math.Sqrt(Square(disagreement.CiHigh - disagreement.Rate) + Square(noise.Rate - noise.CiLow));
        var metric = new MetricEvaluation
        {
            Name = DriftMetricNames.AnswerDisagreement,
            Pairs = window.DecidedPairs,
            BaselineValue = noise.Rate,
            PrimaryValue = disagreement.Rate,
            Delta = delta,
            CiLow = low,
            CiHigh = high,
            PValue = pValue,
            DriftSized = delta >= options.MinRateEffect,
            ChangeStartedAt = ChangeStart(buckets, disagreement.Rate, options),
            Note = measuredNoise ? null : "assumed noise floor",
        };
        return (metric, disagreement, noise);
    }

    private static DateTimeOffset? ChangeStart(IReadOnlyList<IndexedDriftBucket> buckets, double pooledRate, DriftOptions options)
    {
        var series = buckets
            .Where(static b => b.Counts.DecidedPairs > 0)
            .Select(static b => new BucketPoint(b.BucketIndex, b.Counts.DecidedPairs, (double)b.Counts.Disagreements / b.Counts.DecidedPairs))
            .ToList();
        var index = ChangePointLocator.Locate(series, Math.Sqrt(pooledRate * (1 - pooledRate)), options.ChangeThreshold);
        return index is { } i ? options.BucketStart(i) : null;
    }

    private static double Square(double value) => value * value;
}
