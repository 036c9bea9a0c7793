using MathNet.Numerics.Distributions;
using ShadowProxy.Core.Drift;

namespace ShadowProxy.Core.Tests.Drift;

public sealed class ProportionTests
{
    [Fact]
    public void Wilson_EightOfTen_MatchesTextbook()
    {
        var interval = WilsonInterval.Compute(8, 10);

        Assert.Equal(0.4902, interval.Low, 4);
        Assert.Equal(0.9433, interval.High, 4);
    }

    [Fact]
    public void Wilson_ZeroOfZeroAndAllSuccesses_StayInUnitInterval()
    {
        Assert.Equal(new ConfidenceInterval(0, 1), WilsonInterval.Compute(0, 0));
        var all = WilsonInterval.Compute(50, 50);
        Assert.Equal(1, all.High, 12);
        Assert.True(all.Low is > 0.9 and < 1);
    }

    [Fact]
    public void McNemar_TenVersusTwoExact_MatchesBinomial()
    {
        var result = McNemarTest.Compute(10, 2);

        Assert.True(result.Exact);
        Assert.Equal(2 * 79 / 4096.0, result.PValue, 12);
        Assert.Equal(2 * Binomial.CDF(0.5, 12, 2), result.PValue, 12);
    }

    [Fact]
    public void McNemar_TenVersusTwoChiSquare_MatchesContinuityCorrectedTextbook()
    {
        var result = McNemarTest.Compute(10, 2, exactBelow: 0);

        Assert.False(result.Exact);
        Assert.Equal(49 / 12.0, result.Statistic, 12);
        Assert.Equal(0.04331, result.PValue, 5);
    }

    [Fact]
    public void McNemar_PairedLists_CountsDiscordantPairs()
    {
        bool[] baseline = [true, true, false, false, true];
        bool[] primary = [false, true, true, false, false];

        var result = McNemarTest.Compute(baseline, primary);

        Assert.Equal(McNemarTest.Compute(2, 1).PValue, result.PValue);
        Assert.Equal(1.0, McNemarTest.Compute(0, 0).PValue);
    }

    [Fact]
    public void TwoProportionZ_SixtyVersusForty_MatchesNormalTail()
    {
        var result = TwoProportionZTest.Greater(60, 100, 40, 100);

        Assert.Equal(2.828427, result.Statistic, 6);
        Assert.Equal(0.0023389, result.PValue, 7);
        Assert.True(TwoProportionZTest.Greater(40, 100, 60, 100).PValue > 0.99);
    }

    [Fact]
    public void Binomial_UpperTail_MatchesComplementOfCdf()
    {
        Assert.Equal(1 - Binomial.CDF(0.05, 100, 9), BinomialTest.UpperTail(10, 100, 0.05), 12);
        Assert.Equal(1.0, BinomialTest.UpperTail(0, 100, 0.05));
        Assert.Equal(0.0, BinomialTest.UpperTail(3, 100, 0));
    }
}
