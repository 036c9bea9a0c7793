namespace ShadowProxy.Core.Drift.Tracking;

/// <summary>
/// Pools sparse cells before a chi-square test, whose approximation fails (too many small p-values) when
/// expected counts are small. Cells are pooled until the smaller sample expects at least
/// <see cref="MinExpected"/> in each; the decision uses combined counts, so it cannot favour either side.
/// </summary>
internal static class SparseCategories
{
    public const double MinExpected = 5;

    /// <summary>Unordered categories: every sparse one goes into a single pooled category.</summary>
    public static (long[] First, long[] Second) PoolRare(IReadOnlyList<(long First, long Second)> categories)
    {
        ArgumentNullException.ThrowIfNull(categories);
        var minCombined = MinCombined(categories.Sum(static c => c.First), categories.Sum(static c => c.Second));
        var first = new List<long>();
        var second = new List<long>();
        long pooledFirst = 0, pooledSecond = 0;
        foreach (var (a, b) in categories)
        {
            if (a + b >= minCombined)
            {
                first.Add(a);
                second.Add(b);
            }
            else
            {
                pooledFirst += a;
                pooledSecond += b;
            }
        }

        first.Add(pooledFirst);
        second.Add(pooledSecond);
        return ([.. first], [.. second]);
    }

    /// <summary>Ordered bins (a histogram): neighbours merge until each bin is dense enough.</summary>
    public static (long[] First, long[] Second) MergeAdjacent(IReadOnlyList<long> first, IReadOnlyList<long> second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        ArgumentOutOfRangeException.ThrowIfNotEqual(first.Count, second.Count);
        var minCombined = MinCombined(first.Sum(), second.Sum());
        var mergedFirst = new List<long>();
        var mergedSecond = new List<long>();
        long runFirst = 0, runSecond = 0;
        for (var i = 0; i < first.Count; i++)
        {
            runFirst += first[i];
            runSecond += second[i];
            if (runFirst + runSecond >= minCombined)
            {
                mergedFirst.Add(runFirst);
                mergedSecond.Add(runSecond);
                runFirst = runSecond = 0;
            }
        }

        if (mergedFirst.Count == 0)
        {
            return ([runFirst], [runSecond]);
        }

        mergedFirst[^1] += runFirst;
        mergedSecond[^1] += runSecond;
        return ([.. mergedFirst], [.. mergedSecond]);
    }

    /// <summary>A cell's expected count in the smaller sample is its combined count times that sample's share.</summary>
    private static double MinCombined(long firstTotal, long secondTotal)
    {
        var smaller = Math.Min(firstTotal, secondTotal);
        return smaller == 0 ? double.PositiveInfinity : MinExpected * (firstTotal + secondTotal) / smaller;
    }
}
