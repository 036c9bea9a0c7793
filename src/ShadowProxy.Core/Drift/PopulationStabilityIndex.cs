namespace ShadowProxy.Core.Drift;

/// <summary>
/// PSI = Σ (actual − expected) · ln(actual / expected) over bin shares. Empty bins get a small floor share
/// so the index stays finite. Rule of thumb: &lt; 0.1 stable, 0.1–0.25 moderate shift, &gt; 0.25 major shift.
/// </summary>
internal static class PopulationStabilityIndex
{
    public const double EmptyBinShare = 1e-4;

    public static double Compute(IReadOnlyList<long> expectedCounts, IReadOnlyList<long> actualCounts)
    {
        ArgumentNullException.ThrowIfNull(expectedCounts);
        ArgumentNullException.ThrowIfNull(actualCounts);
        ArgumentOutOfRangeException.ThrowIfNotEqual(expectedCounts.Count, actualCounts.Count);
        double expectedTotal = expectedCounts.Sum(), actualTotal = actualCounts.Sum();
        if (expectedTotal == 0 || actualTotal == 0)
        {
            return 0;
        }

        var index = 0.0;
        for (var i = 0; i < expectedCounts.Count; i++)
        {
            var expected = Math.Max(expectedCounts[i] / expectedTotal, EmptyBinShare);
            var actual = Math.Max(actualCounts[i] / actualTotal, EmptyBinShare);
            index += (actual - expected) * Math.Log(actual / expected);
        }

        return index;
    }

    /// <summary>Bins two samples on shared edges taken from the expected sample's quantiles, then computes PSI.</summary>
    public static double Compute(IReadOnlyList<double> expected, IReadOnlyList<double> actual, int bins = 10)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 2);
        if (expected.Count == 0 || actual.Count == 0)
        {
            return 0;
        }

        var sorted = expected.Order().ToArray();
        var edges = Enumerable.Range(1, bins - 1).Select(i => sorted[Math.Min(sorted.Length - 1, i * sorted.Length / bins)]).Distinct().ToArray();
        return Compute(Histogram(expected, edges), Histogram(actual, edges));
    }

    private static long[] Histogram(IReadOnlyList<double> values, double[] edges)
    {
        var counts = new long[edges.Length + 1];
        foreach (var value in values)
        {
            var bin = Array.BinarySearch(edges, value);
            counts[bin >= 0 ? bin + 1 : ~bin]++;
        }

        return counts;
    }
}
