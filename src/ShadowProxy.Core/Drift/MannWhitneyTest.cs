using MathNet.Numerics.Distributions;

namespace ShadowProxy.Core.Drift;

/// <summary>
/// One-sided Mann–Whitney U test on two samples given as counts over the same ordered categories (histogram bins):
/// H1 is that the first sample tends to higher categories. Ties (values sharing a bin) take midranks and the
/// variance carries the tie correction; the normal approximation uses a continuity correction. Everything is
/// computed in doubles, so n in the millions neither overflows nor loses the correction.
/// </summary>
internal static class MannWhitneyTest
{
    public static TestResult Greater(IReadOnlyList<long> first, IReadOnlyList<long> second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.Count != second.Count)
        {
            throw new ArgumentException("Both samples must be counted over the same categories.", nameof(second));
        }

        double n1 = first.Sum(), n2 = second.Sum();
        if (n1 == 0 || n2 == 0)
        {
            return TestResult.NoEvidence;
        }

        double u = 0, secondBelow = 0, tieTerm = 0;
        for (var category = 0; category < first.Count; category++)
        {
            double a = first[category], b = second[category], t = a + b;
            u += a * (secondBelow + (b / 2));
            secondBelow += b;
            tieTerm += (t * t * t) - t;
        }

        var n = n1 + n2;
        var variance = n1 * n2 / 12 * ((n + 1) - (tieTerm / (n * (n - 1))));
        if (variance <= 0)
        {
            return TestResult.NoEvidence;
        }

        var z = (u - (n1 * n2 / 2) - 0.5) / Math.Sqrt(variance);
        return new TestResult(z, Normal.CDF(0, 1, -z));
    }
}
