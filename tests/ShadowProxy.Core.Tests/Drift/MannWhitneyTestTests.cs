using ShadowProxy.Core.Drift;

namespace ShadowProxy.Core.Tests.Drift;

/// <summary>
/// The histogram Mann–Whitney test against values computed independently: the exact permutation distribution for a
/// small tied sample, the untied closed form, and samples built to sit at z = 1.96 at n = 5,000 and 100,000.
/// </summary>
public sealed class MannWhitneyTestTests
{
    [Fact]
    public void Greater_SmallTiedSample_AgreesWithTheExactPermutationTail()
    {
        // Two samples over 4 ordered categories; first = {0,1,2,2,3,3,3,3}, second = {0,0,0,1,1,2,3,3}.
        long[] first = [1, 1, 2, 4], second = [3, 2, 1, 2];
        var pooled = Expand(first).Concat(Expand(second)).ToArray();
        var observed = U(Expand(first), Expand(second));
        var (atLeast, total) = (0L, 0L);
        foreach (var chosen in Combinations(pooled.Length, 8))
        {
            var a = chosen.Select(i => pooled[i]).ToArray();
            var b = Enumerable.Range(0, pooled.Length).Except(chosen).Select(i => pooled[i]).ToArray();
            total++;
            atLeast += U(a, b) >= observed ? 1 : 0;
        }

        var result = MannWhitneyTest.Greater(first, second);

        Assert.Equal(12_870, total);
        Assert.Equal(atLeast / (double)total, result.PValue, 0.02);
    }

    [Fact]
    public void Greater_NoTies_MatchesTheClosedForm()
    {
        // Ten categories, one value each: U = n1·n2 when every first value is above every second one.
        long[] first = [0, 0, 0, 0, 0, 1, 1, 1, 1, 1], second = [1, 1, 1, 1, 1, 0, 0, 0, 0, 0];
        var z = (25 - 12.5 - 0.5) / Math.Sqrt(5 * 5 * 11 / 12.0);

        var result = MannWhitneyTest.Greater(first, second);

        Assert.Equal(z, result.Statistic, 10);
        Assert.Equal(0.00609, result.PValue, 0.0001); // Φ(−2.5067) from the normal table

    }

    [Theory]
    [InlineData(5_000)]
    [InlineData(100_000)]
    public void Greater_LargeSamples_StayFiniteAndCalibrated(int n)
    {
        // Two categories: the first sample puts k of n in the upper one, the second n/2. With two tied categories the
        // test is the pooled two-proportion z-test; k puts that at one-sided z = 1.645 (p = 0.05).
        var half = n / 2;
        var k = (long)Math.Round(half + (1.6448536269514722 * Math.Sqrt(0.5 * n)));
        long[] first = [n - k, k], second = [n - half, half];

        var result = MannWhitneyTest.Greater(first, second);
        var proportions = TwoProportionZTest.Greater((int)k, n, half, n);
        var same = MannWhitneyTest.Greater(second, second);

        Assert.Equal(proportions.PValue, result.PValue, 0.002);
        Assert.Equal(0.05, result.PValue, 0.005);
        Assert.InRange(same.PValue, 0.5, 1);
        Assert.Equal(0, MannWhitneyTest.Greater([0, 0], second).Statistic);
    }

    private static IEnumerable<int> Expand(long[] counts) => counts.SelectMany((c, category) => Enumerable.Repeat(category, (int)c));

    private static double U(IEnumerable<int> first, IEnumerable<int> second)
    {
        var b = second.ToArray();
        return first.Sum(a => b.Sum(x => a > x ? 1.0 : a == x ? 0.5 : 0));
    }

    private static IEnumerable<int[]> Combinations(int n, int k)
    {
        var chosen = Enumerable.Range(0, k).ToArray();
        while (true)
        {
            yield return [.. chosen];
            var i = k - 1;
            while (i >= 0 && chosen[i] == n - k + i)
            {
                i--;
            }

            if (i < 0)
            {
                yield break;
            }

            chosen[i]++;
            for (var j = i + 1; j < k; j++)
            {
                chosen[j] = chosen[j - 1] + 1;
            }
        }
    }
}
