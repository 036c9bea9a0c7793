namespace ShadowProxy.Core.Drift.Tracking;

/// <summary>
/// Finds where a per-bucket series changed level. Page–Hinkley decides whether it changed; where is then
/// the single split that best separates two levels (the weighted CUSUM maximum-likelihood split), because
/// Page–Hinkley's own estimate lags by the tolerance it subtracts. Buckets hold different numbers of pairs,
/// so values are standardized by their own standard error first: the threshold is in z units and one
/// setting fits quiet and busy routes alike.
/// </summary>
internal static class ChangePointLocator
{
    /// <summary>Shifts under a quarter of a standard error per bucket are tolerated.</summary>
    private const double ToleranceInStandardErrors = 0.25;

    private const int MinBuckets = 3;

    /// <param name="series">Per-bucket values, oldest first.</param>
    /// <param name="unitStandardDeviation">Standard deviation of one pair's value.</param>
    /// <param name="threshold">Alarm threshold in standard errors.</param>
    /// <returns>The index of the first bucket of the new level, or null when no change is found.</returns>
    public static long? Locate(IReadOnlyList<BucketPoint> series, double unitStandardDeviation, double threshold)
    {
        ArgumentNullException.ThrowIfNull(series);
        var points = series.Where(static p => p.Count > 0 && double.IsFinite(p.Value)).ToList();
        if (points.Count < MinBuckets || !(unitStandardDeviation > 0) || !Changed(points, unitStandardDeviation, threshold))
        {
            return null;
        }

        return points[BestSplit(points)].BucketIndex;
    }

    private static bool Changed(List<BucketPoint> points, double unitStandardDeviation, double threshold)
    {
        var pooledMean = points.Sum(static p => p.Value * p.Count) / points.Sum(static p => p.Count);
        var detector = new PageHinkley(new PageHinkleyOptions
        {
            Delta = ToleranceInStandardErrors,
            Threshold = threshold,
            MinObservations = MinBuckets,
        });
        return points.Any(p => detector.Add((p.Value - pooledMean) * Math.Sqrt(p.Count) / unitStandardDeviation));
    }

    /// <summary>The first bucket of the right segment maximizing W_L·W_R/W·(mean_L − mean_R)².</summary>
    private static int BestSplit(List<BucketPoint> points)
    {
        double total = points.Sum(static p => (double)p.Count), totalSum = points.Sum(static p => p.Value * p.Count);
        double leftWeight = 0, leftSum = 0, best = double.NegativeInfinity;
        var bestIndex = 1;
        for (var split = 1; split < points.Count; split++)
        {
            leftWeight += points[split - 1].Count;
            leftSum += points[split - 1].Value * points[split - 1].Count;
            var rightWeight = total - leftWeight;
            var gap = (leftSum / leftWeight) - ((totalSum - leftSum) / rightWeight);
            var score = leftWeight * rightWeight / total * gap * gap;
            if (score > best)
            {
                (best, bestIndex) = (score, split);
            }
        }

        return bestIndex;
    }
}
