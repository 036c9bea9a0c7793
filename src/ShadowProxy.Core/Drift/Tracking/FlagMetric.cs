namespace ShadowProxy.Core.Drift.Tracking;

/// <summary>McNemar on a flag's paired table: did the primary gain or lose the property on the same requests?</summary>
internal static class FlagMetric
{
    public static MetricEvaluation Evaluate(DriftFlag flag, DriftBucket window, IReadOnlyList<IndexedDriftBucket> buckets, DriftOptions options)
    {
        var name = DriftFlags.MetricName(flag);
        var table = window.Flag(flag);
        var pairs = table.Total;
        if (pairs < options.MinPairs)
        {
            return MetricEvaluation.Insufficient(name, pairs);
        }

        long b = table.BaselineOnly, c = table.PrimaryOnly;
        var n = (double)pairs;
        var delta = (c - b) / n;
        // Wald interval for a paired difference; its variance comes from the discordant cells only.
        var standardError = Math.Sqrt(Math.Max(0, b + c - ((c - b) * (c - b) / n))) / n;
        return new MetricEvaluation
        {
            Name = name,
            Pairs = pairs,
            BaselineValue = (table.Both + b) / n,
            PrimaryValue = (table.Both + c) / n,
            Delta = delta,
            CiLow = delta - (Confidence95.Z * standardError),
            CiHigh = delta + (Confidence95.Z * standardError),
            PValue = McNemarTest.Compute(checked((int)b), checked((int)c)).PValue,
            ChangeStartedAt = ChangeStart(flag, buckets, (b + c) / n, delta, options),
        };
    }

    private static DateTimeOffset? ChangeStart(DriftFlag flag, IReadOnlyList<IndexedDriftBucket> buckets, double discordantRate, double delta, DriftOptions options)
    {
        var series = buckets
            .Select(b => (b.BucketIndex, Table: b.Counts.Flag(flag)))
            .Where(static b => b.Table.Total > 0)
            .Select(static b => new BucketPoint(b.BucketIndex, b.Table.Total, (double)(b.Table.PrimaryOnly - b.Table.BaselineOnly) / b.Table.Total))
            .ToList();
        var index = ChangePointLocator.Locate(series, Math.Sqrt(Math.Max(0, discordantRate - (delta * delta))), options.ChangeThreshold);
        return index is { } i ? options.BucketStart(i) : null;
    }
}
