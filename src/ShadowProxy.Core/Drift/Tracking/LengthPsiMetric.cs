namespace ShadowProxy.Core.Drift.Tracking;

/// <summary>
/// Population stability of the primary's answer lengths: the window (after the reference span) against the
/// reference span. PSI is the effect size; the chi-square test on the same bins guards against PSI's
/// upward bias on small samples, which would otherwise flag pure noise. The change point is looked for over
/// reference and window buckets together, since a shift often starts right where the reference ends.
/// </summary>
internal static class LengthPsiMetric
{
    public static MetricEvaluation Evaluate(DriftBucket reference, DriftBucket comparison, IReadOnlyList<IndexedDriftBucket> allBuckets, DriftOptions options)
    {
        var referenceTotal = reference.PrimaryLengths.Sum();
        var comparisonTotal = comparison.PrimaryLengths.Sum();
        if (Math.Min(referenceTotal, comparisonTotal) < options.MinPairs)
        {
            return MetricEvaluation.Insufficient(DriftMetricNames.LengthPsi, Math.Min(referenceTotal, comparisonTotal));
        }

        var (expected, actual) = SparseCategories.MergeAdjacent(reference.PrimaryLengths, comparison.PrimaryLengths);
        var psi = PopulationStabilityIndex.Compute(expected, actual);
        return new MetricEvaluation
        {
            Name = DriftMetricNames.LengthPsi,
            Pairs = comparisonTotal,
            BaselineValue = MeanBin(reference.PrimaryLengths),
            PrimaryValue = MeanBin(comparison.PrimaryLengths),
            Delta = psi,
            PValue = ChiSquareTest.Compute(expected, actual).PValue,
            DriftSized = psi >= options.DriftPsi,
            WarningSized = psi >= options.WarningPsi,
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
