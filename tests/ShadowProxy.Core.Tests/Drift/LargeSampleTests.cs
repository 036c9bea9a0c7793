using ShadowProxy.Core.Drift;

namespace ShadowProxy.Core.Tests.Drift;

/// <summary>
/// The tests' large-sample arithmetic against textbook values: a sample built to sit exactly at z = 1.96 must give
/// p = 0.05 at n = 5,000 and n = 100,000 alike. (The signed-rank variance once overflowed int past n ≈ 1,290 and
/// read p = 1 on a 1,494-pair replay whose mean length had doubled.)
/// </summary>
public sealed class LargeSampleTests
{
    private const double Z975 = 1.959963984540054;

    [Theory]
    [InlineData(1_494)]
    [InlineData(5_000)]
    [InlineData(100_000)]
    public void Wilcoxon_SampleAtZ196_GivesTwoSidedFivePercent(int n)
    {
        var (differences, target) = SignedRanksAt(n, Z975);

        var result = WilcoxonSignedRankTest.Compute(differences);

        Assert.Equal(target, result.Statistic);
        Assert.Equal(0.05, result.PValue, 0.0005);
    }

    [Theory]
    [InlineData(5_000)]
    [InlineData(100_000)]
    public void Wilcoxon_AllMagnitudesTied_AgreesWithTheSignTest(int n)
    {
        // With every |d| equal the signed-rank test is the sign test: W+ = k(n+1)/2, SD (n+1)√n/4.
        var positives = (int)Math.Round(n / 2.0 + Z975 * Math.Sqrt(n) / 2);
        var differences = Enumerable.Range(0, n).Select(i => i < positives ? 1.0 : -1.0).ToArray();

        var wilcoxon = WilcoxonSignedRankTest.Compute(differences).PValue;
        var sign = SignTest.Compute(differences).PValue;

        Assert.Equal(sign, wilcoxon, 0.005);
        Assert.InRange(wilcoxon, 0.04, 0.06);
    }

    [Fact]
    public void Wilcoxon_HugeShift_KeepsATinyPValueInsteadOfZero()
    {
        // z = 20: 2 Φ(−20) = 5.507e-89, where 2 (1 − Φ(20)) rounds to 0.
        var (differences, _) = SignedRanksAt(5_000, 20);

        var p = WilcoxonSignedRankTest.Compute(differences).PValue;

        Assert.InRange(p, 5.4e-89, 5.7e-89);
    }

    /// <summary>
    /// Distinct magnitudes 1..n (no ties), signs chosen so that W+ lands where the continuity-corrected z equals
    /// <paramref name="z"/>: W+ has mean n(n+1)/4 and variance n(n+1)(2n+1)/24 under the null.
    /// </summary>
    private static (double[] Differences, long Target) SignedRanksAt(int n, double z)
    {
        var mean = n * (n + 1.0) / 4;
        var sd = Math.Sqrt(n * (n + 1.0) * ((2.0 * n) + 1) / 24);
        var target = (long)Math.Round(mean + 0.5 + (z * sd));
        var differences = new double[n];
        var remaining = target;
        for (var rank = n; rank >= 1; rank--)
        {
            var positive = rank <= remaining;
            remaining -= positive ? rank : 0;
            differences[rank - 1] = positive ? rank : -rank;
        }

        Assert.Equal(0, remaining);
        return (differences, target);
    }

    [Theory]
    [InlineData(5_000)]
    [InlineData(100_000)]
    public void SignTest_AtZ196_GivesFivePercent(int n)
    {
        var positives = (int)Math.Round(n / 2.0 + Z975 * Math.Sqrt(n) / 2);

        var p = SignTest.Compute(positives, n - positives).PValue;

        // The exact binomial tail sits slightly off the normal value at finite n; the gap shrinks as 1/√n.
        Assert.Equal(0.05, p, 0.05 * 10 / Math.Sqrt(n));
    }

    [Theory]
    [InlineData(5_000)]
    [InlineData(100_000)]
    public void McNemar_AtZ196_GivesFivePercent(int discordant)
    {
        // Edwards' statistic (|b − c| − 1)² / (b + c) = 1.96² exactly when |b − c| = 1 + 1.96 √(b + c).
        var gap = 1 + Z975 * Math.Sqrt(discordant);
        var c = (discordant - gap) / 2;
        var result = McNemarTest.Compute((int)Math.Round(discordant - c), (int)Math.Round(c));

        Assert.Equal(0.05, result.PValue, 0.002);
    }

    [Fact]
    public void McNemar_OverwhelmingEvidence_IsTinyButNotZero()
    {
        var p = McNemarTest.Compute(60_000, 40_000).PValue;

        // χ² = 19999² / 100000 ≈ 4000: p = erfc(√2000) ≈ 1e-870 underflows double; at 600 vs 400, χ² ≈ 39.6 → p ≈ 3.1e-10.
        Assert.Equal(0, p);
        Assert.Equal(3.1e-10, McNemarTest.Compute(600, 400).PValue, 0.2e-10);
    }

    [Fact]
    public void TwoProportionZ_LargeSamples_MatchTheNormalTail()
    {
        // 11.0% vs 10.0% with 100,000 each: pooled SE √(0.105 · 0.895 · 2e-5) = 0.0013709, z = 7.2945, P(Z > z) = 1.5e-13.
        var result = TwoProportionZTest.Greater(11_000, 100_000, 10_000, 100_000);

        Assert.Equal(7.2945, result.Statistic, 0.0005);
        Assert.InRange(result.PValue, 1.3e-13, 1.8e-13);
    }

    [Fact]
    public void Wilson_AtOneHundredThousand_HasTheTextbookHalfWidth()
    {
        var interval = WilsonInterval.Compute(50_000, 100_000);

        // 1.96 · √(0.25 / 100000) = 0.0030990; Wilson's correction is negligible at this n.
        Assert.Equal(0.5 - 0.0030990, interval.Low, 0.000001);
        Assert.Equal(0.5 + 0.0030990, interval.High, 0.000001);
    }
}
