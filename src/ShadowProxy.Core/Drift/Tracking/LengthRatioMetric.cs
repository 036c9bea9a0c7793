namespace ShadowProxy.Core.Drift.Tracking;

/// <summary>Sign test on per-pair length log-ratios: is the primary systematically longer or shorter?</summary>
internal static class LengthRatioMetric
{
    public static MetricEvaluation Evaluate(DriftBucket window, IReadOnlyList<IndexedDriftBucket> buckets, DriftOptions options)
    {
        var pairs = window.LogRatioCount;
        if (pairs < options.MinPairs)
        {
            return MetricEvaluation.Insufficient(DriftMetricNames.LengthLogRatio, pairs);
        }

        var (mean, deviation) = MeanAndDeviation(window);
        var standardError = deviation / Math.Sqrt(pairs);
        return new MetricEvaluation
        {
            Name = DriftMetricNames.LengthLogRatio,
            Pairs = pairs,
            PrimaryValue = mean,
            Delta = mean,
            CiLow = mean - (Confidence95.Z * standardError),
            CiHigh = mean + (Confidence95.Z * standardError),
            PValue = SignTest.Compute(checked((int)window.LogRatioPositive), checked((int)window.LogRatioNegative)).PValue,
            ChangeStartedAt = ChangeStart(buckets, deviation, options),
        };
    }

    private static (double Mean, double Deviation) MeanAndDeviation(DriftBucket bucket)
    {
        var n = (double)bucket.LogRatioCount;
        var mean = bucket.LogRatioSumMicros / (double)DriftBucket.MicroUnits / n;
        var squares = bucket.LogRatioSquareSumMicros / (double)DriftBucket.MicroUnits;
        var variance = n > 1 ? Math.Max(0, (squares - (n * mean * mean)) / (n - 1)) : 0;
        return (mean, Math.Sqrt(variance));
    }

    private static DateTimeOffset? ChangeStart(IReadOnlyList<IndexedDriftBucket> buckets, double deviation, DriftOptions options)
    {
        var series = buckets
            .Where(static b => b.Counts.LogRatioCount > 0)
            .Select(static b => new BucketPoint(b.BucketIndex, b.Counts.LogRatioCount, MeanAndDeviation(b.Counts).Mean))
            .ToList();
        var index = ChangePointLocator.Locate(series, deviation, options.ChangeThreshold);
        return index is { } i ? options.BucketStart(i) : null;
    }
}
