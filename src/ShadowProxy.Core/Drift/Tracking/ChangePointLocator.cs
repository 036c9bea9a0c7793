namespace ShadowProxy.Core.Drift.Tracking;

/// <summary>
/// Finds where a per-bucket series changed level with Page–Hinkley. Buckets hold different numbers of pairs,
/// so each value is standardized by its own standard error first; the threshold is then in z units and one
/// setting fits quiet and busy routes alike.
/// </summary>
internal static class ChangePointLocator
{
    /// <summary>Shifts under half a standard error per bucket are tolerated.</summary>
    private const double ToleranceInStandardErrors = 0.5;

    private const int MinBuckets = 3;

    /// <param name="series">Per-bucket values, oldest first.</param>
    /// <param name="unitStandardDeviation">Standard deviation of one pair's value.</param>
    /// <param name="threshold">Alarm threshold in standard errors.</param>
    /// <returns>The index of the first bucket of the new level, or null when no change is found.</returns>
    public static long? Locate(IReadOnlyList<BucketPoint> series, double unitStandardDeviation, double threshold)
    {
        ArgumentNullException.ThrowIfNull(series);
        var points = series.Where(static p => p.Count > 0 && double.IsFinite(p.Value)).ToList();
        if (points.Count < MinBuckets || !(unitStandardDeviation > 0))
        {
            return null;
        }

        var pooledMean = points.Sum(static p => p.Value * p.Count) / points.Sum(static p => p.Count);
        var detector = new PageHinkley(new PageHinkleyOptions
        {
            Delta = ToleranceInStandardErrors,
            Threshold = threshold,
            MinObservations = MinBuckets,
        });
        foreach (var point in points)
        {
            if (detector.Add((point.Value - pooledMean) * Math.Sqrt(point.Count) / unitStandardDeviation))
            {
                return points[detector.ChangeStartIndex!.Value].BucketIndex;
            }
        }

        return null;
    }
}
