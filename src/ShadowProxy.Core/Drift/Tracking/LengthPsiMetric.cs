namespace ShadowProxy.Core.Drift.Tracking;

/// <summary>
/// Population stability of answer lengths, the primary's against the baseline's over the same window, so the same
/// requests on both sides: a change in what users ask moves both alike. Descriptive (the paired length ratio is the
/// metric that raises drift); the chi-square p-value on the same bins shows whether the PSI is more than
/// small-sample noise.
/// </summary>
internal static class LengthPsiMetric
{
    public static MetricEvaluation Evaluate(DriftBucket window, IReadOnlyList<IndexedDriftBucket> allBuckets, DriftOptions options)
    {
        var pairs = window.PrimaryLengths.Sum();
        if (pairs < options.MinPairs)
        {
            return MetricEvaluation.Insufficient(DriftMetricNames.LengthPsi, pairs);
        }

        var (expected, actual) = SparseCategories.MergeAdjacent(window.BaselineLengths, window.PrimaryLengths);
        var psi = PopulationStabilityIndex.Compute(expected, actual);
        return new MetricEvaluation
        {
            Name = DriftMetricNames.LengthPsi,
            Pairs = pairs,
            BaselineValue = MeanBin(window.BaselineLengths),
            PrimaryValue = MeanBin(window.PrimaryLengths),
            Delta = psi,
            PValue = ChiSquareTest.Compute(expected, actual).PValue,
            ChangeStartedAt = ChangeStart(allBuckets, options),
            Note = "values are mean half-octave length bins; delta is PSI",
        };
    }

    private static double MeanBin(IReadOnlyList<long> histogram)
    {
        var total = histogram.Sum();
        return total == 0 ? 0 : histogram.Select(static (count, bin) => (double)count * bin).Sum() / total;
    }

    /// <summary>On the per-bucket mean bin, scaled by the pooled within-bucket spread (a shift does not inflate it).</summary>
    private static DateTimeOffset? ChangeStart(IReadOnlyList<IndexedDriftBucket> buckets, DriftOptions options)
    {
        var series = buckets
            .Select(static b => new BucketPoint(b.BucketIndex, b.Counts.PrimaryLengths.Sum(), MeanBin(b.Counts.PrimaryLengths)))
            .Where(static p => p.Count > 0)
            .ToList();
        double squares = 0, degreesOfFreedom = 0;
        foreach (var bucket in buckets)
        {
            var lengths = bucket.Counts.PrimaryLengths;
            var mean = MeanBin(lengths);
            squares += lengths.Select((count, bin) => count * (bin - mean) * (bin - mean)).Sum();
            degreesOfFreedom += Math.Max(0, lengths.Sum() - 1);
        }

        var deviation = degreesOfFreedom > 0 ? Math.Sqrt(squares / degreesOfFreedom) : 0;
        var index = ChangePointLocator.Locate(series, deviation, options.ChangeThreshold);
        return index is { } i ? options.BucketStart(i) : null;
    }
}
