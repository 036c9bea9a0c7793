using ShadowProxy.Core.Drift;

namespace ShadowProxy.Core.Tests.Drift;

public sealed class RankTests
{
    [Fact]
    public void SignTest_NineOfTen_MatchesExactBinomial()
    {
        var result = SignTest.Compute(9, 1);

        Assert.Equal(2 * 11 / 1024.0, result.PValue, 12);
        Assert.Equal(SignTest.Compute([1, 2, 3, 4, 5, 6, 7, 8, 9, -1, 0]).PValue, result.PValue);
    }

    [Fact]
    public void Wilcoxon_SmallSampleWithoutTies_MatchesExactTable()
    {
        // Nine non-zero differences, W+ = 27 of 45: exactly 0.65234375 two-sided (n = 9 null distribution).
        double[] differences = [15, -7, 6, 20, -9, 17, -12, 5, -10, 0];

        var result = WilcoxonSignedRankTest.Compute(differences);

        Assert.True(result.Exact);
        Assert.Equal(27, result.Statistic);
        Assert.Equal(0.65234375, result.PValue, 12);
    }

    [Fact]
    public void Wilcoxon_AllPositiveEightPairs_MatchesExactTail()
    {
        // All 8 signs positive: W+ = 36, only one of 2^8 assignments is as extreme per side.
        var result = WilcoxonSignedRankTest.Compute([1, 2, 3, 4, 5, 6, 7, 8]);

        Assert.Equal(2 / 256.0, result.PValue, 12);
    }

    [Fact]
    public void Wilcoxon_TiedMagnitudes_UsesTieCorrectedNormalApproximation()
    {
        // The classic textbook example: |5| is tied. W+ = 27, mean 22.5, variance 71.25 − (2³ − 2)/48 = 71.125,
        // z = (4.5 − 0.5) / √71.125 = 0.4743 → p = 0.6353.
        double[] differences = [15, -7, 5, 20, -9, 17, -12, 5, -10, 0];

        var result = WilcoxonSignedRankTest.Compute(differences);

        Assert.False(result.Exact);
        Assert.Equal(27, result.Statistic);
        Assert.Equal(0.6353, result.PValue, 4);
    }

    [Fact]
    public void Wilcoxon_LargeShiftedSample_IsSignificant()
    {
        var differences = Enumerable.Range(1, 200).Select(i => (i % 7) - 1.0).ToArray();

        Assert.True(WilcoxonSignedRankTest.Compute(differences).PValue < 1e-10);
        Assert.Equal(1.0, WilcoxonSignedRankTest.Compute([0, 0, 0]).PValue);
    }
}
