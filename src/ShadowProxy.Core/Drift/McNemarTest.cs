using MathNet.Numerics;

namespace ShadowProxy.Core.Drift;

/// <summary>
/// Paired binary outcomes (the same item judged on baseline and primary). Only discordant pairs matter:
/// <c>b</c> = baseline yes / primary no, <c>c</c> = baseline no / primary yes. Exact binomial when
/// b + c is small, else chi-square with Edwards' continuity correction.
/// </summary>
internal static class McNemarTest
{
    public const int DefaultExactBelow = 25;

    public static TestResult Compute(int b, int c, int exactBelow = DefaultExactBelow)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(b);
        ArgumentOutOfRangeException.ThrowIfNegative(c);
        var discordant = b + c;
        if (discordant == 0)
        {
            return TestResult.NoEvidence;
        }

        if (discordant < exactBelow)
        {
            return new TestResult(Math.Min(b, c), BinomialTest.TwoSidedHalf(b, discordant), Exact: true);
        }

        var difference = Math.Max(Math.Abs(b - c) - 1.0, 0);
        var chiSquare = difference * difference / discordant;
        // The upper tail directly (regularized upper incomplete gamma), not 1 − CDF, which rounds small p to 0.
        return new TestResult(chiSquare, SpecialFunctions.GammaUpperRegularized(0.5, chiSquare / 2));
    }

    /// <summary>Counts the discordant pairs from paired outcomes and tests them.</summary>
    public static TestResult Compute(IReadOnlyList<bool> baseline, IReadOnlyList<bool> primary, int exactBelow = DefaultExactBelow)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(primary);
        ArgumentOutOfRangeException.ThrowIfNotEqual(baseline.Count, primary.Count);
        int b = 0, c = 0;
        for (var i = 0; i < baseline.Count; i++)
        {
            b += baseline[i] && !primary[i] ? 1 : 0;
            c += !baseline[i] && primary[i] ? 1 : 0;
        }

        return Compute(b, c, exactBelow);
    }
}
