using MathNet.Numerics.Distributions;

namespace ShadowProxy.Core.Drift;

/// <summary>
/// Two-sided Wilcoxon signed-rank test on paired differences. Zero differences are dropped (Wilcoxon's
/// convention), tied magnitudes share their average rank. Exact null distribution for up to
/// <see cref="ExactMaxPairs"/> pairs without ties; otherwise the normal approximation with tie-corrected
/// variance and a continuity correction. <see cref="TestResult.Statistic"/> is W+ (the positive rank sum).
/// </summary>
internal static class WilcoxonSignedRankTest
{
    public const int ExactMaxPairs = 30;

    public static TestResult Compute(IReadOnlyList<double> differences)
    {
        ArgumentNullException.ThrowIfNull(differences);
        var nonZero = differences.Where(static d => d != 0 && !double.IsNaN(d)).ToArray();
        var n = nonZero.Length;
        if (n == 0)
        {
            return TestResult.NoEvidence;
        }

        var (ranks, tieCorrection) = AverageRanks.OfMagnitudes(nonZero);
        var positiveSum = 0.0;
        for (var i = 0; i < n; i++)
        {
            positiveSum += nonZero[i] > 0 ? ranks[i] : 0;
        }

        if (n <= ExactMaxPairs && tieCorrection == 0)
        {
            return new TestResult(positiveSum, ExactTwoSided((int)positiveSum, n), Exact: true);
        }

        // In doubles: n(n + 1)(2n + 1) passes int.MaxValue at n ≈ 1,290, and the overflowed variance read as p = 1.
        var pairs = (double)n;
        var mean = pairs * (pairs + 1) / 4.0;
        var variance = (pairs * (pairs + 1) * ((2 * pairs) + 1) / 24.0) - (tieCorrection / 48.0);
        if (variance <= 0)
        {
            return TestResult.NoEvidence;
        }

        var deviation = positiveSum - mean;
        var corrected = Math.Max(Math.Abs(deviation) - 0.5, 0);
        var z = corrected / Math.Sqrt(variance);
        // The lower tail at −z keeps precision where 1 − Φ(z) would round to 0.
        return new TestResult(positiveSum, Math.Min(1, 2 * Normal.CDF(0, 1, -z)));
    }

    /// <summary>P(W+ as extreme as observed) from the exact count of sign assignments per rank sum.</summary>
    private static double ExactTwoSided(int positiveSum, int n)
    {
        var maxSum = n * (n + 1) / 2;
        var counts = new double[maxSum + 1];
        counts[0] = 1;
        for (var rank = 1; rank <= n; rank++)
        {
            for (var sum = maxSum; sum >= rank; sum--)
            {
                counts[sum] += counts[sum - rank];
            }
        }

        var smaller = Math.Min(positiveSum, maxSum - positiveSum);
        var tail = 0.0;
        for (var sum = 0; sum <= smaller; sum++)
        {
            tail += counts[sum];
        }

        return Math.Min(1, 2 * tail / Math.Pow(2, n));
    }
}
