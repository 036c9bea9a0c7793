using ShadowProxy.Core.Drift;

namespace ShadowProxy.Core.Tests.Drift;

public sealed class DistributionShiftTests
{
    [Fact]
    public void ChiSquare_TwoByThreeTable_MatchesHandComputation()
    {
        var result = ChiSquareTest.Compute([10, 20, 30], [20, 20, 20]);

        Assert.Equal(16 / 3.0, result.Statistic, 10);
        Assert.Equal(Math.Exp(-8 / 3.0), result.PValue, 10);
    }

    [Fact]
    public void GTest_TwoByThreeTable_MatchesHandComputation()
    {
        var result = GTest.Compute([10, 20, 30], [20, 20, 20]);

        Assert.Equal(5.4115320909768325, result.Statistic, 10);
        Assert.Equal(Math.Exp(-result.Statistic / 2), result.PValue, 10);
    }

    [Fact]
    public void ChiSquare_EmptyCategoryAndIdenticalVectors_AreHandled()
    {
        Assert.Equal(1.0, ChiSquareTest.Compute([5, 0, 5], [5, 0, 5]).PValue, 10);
        Assert.Equal(1.0, ChiSquareTest.Compute([5, 0], [7, 0]).PValue);
    }

    [Fact]
    public void Psi_KnownShares_MatchesHandComputation()
    {
        var psi = PopulationStabilityIndex.Compute([25L, 25, 25, 25], [10L, 20, 30, 40]);

        Assert.Equal(0.22821740957339182, psi, 12);
        Assert.Equal(0, PopulationStabilityIndex.Compute([1L, 2, 3], [2L, 4, 6]), 12);
    }

    [Fact]
    public void Psi_EmptyBin_StaysFinite()
    {
        Assert.True(double.IsFinite(PopulationStabilityIndex.Compute([10L, 0], [5L, 5])));
    }

    [Fact]
    public void Psi_SampleValues_BinsOnExpectedQuantiles()
    {
        var expected = Enumerable.Range(0, 1_000).Select(i => i / 1_000.0).ToArray();
        var same = PopulationStabilityIndex.Compute(expected, expected);
        var shifted = PopulationStabilityIndex.Compute(expected, [.. expected.Select(v => v + 0.5)]);

        Assert.Equal(0, same, 10);
        Assert.True(shifted > 0.25);
    }

    [Fact]
    public void BenjaminiHochberg_KnownList_MatchesRPAdjust()
    {
        double[] p = [0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205];

        var adjusted = BenjaminiHochberg.Adjust(p);

        double[] expected = [0.008, 0.032, 0.0672, 0.0672, 0.0672, 0.08, 0.0845714285714, 0.205];
        Assert.Equal(expected, adjusted, (a, b) => Math.Abs(a - b) < 1e-9);
    }

    [Fact]
    public void BenjaminiHochberg_UnsortedInput_ReturnsInInputOrder()
    {
        Assert.Equal([0.02, 0.04, 0.04, 0.02], BenjaminiHochberg.Adjust([0.01, 0.04, 0.03, 0.005]), (a, b) => Math.Abs(a - b) < 1e-12);
        Assert.Empty(BenjaminiHochberg.Adjust([]));
    }
}
