using MathNet.Numerics.Distributions;

namespace ShadowProxy.Core.Drift;

/// <summary>
/// Homogeneity of two categorical count vectors (a 2×k table), e.g. finish reasons or extracted labels on
/// baseline vs primary. Categories empty on both sides are dropped; degrees of freedom = categories − 1.
/// </summary>
internal static class TwoSampleContingency
{
    /// <summary>Sums <paramref name="term"/>(observed, expected) over every cell and refers it to chi-square.</summary>
    public static TestResult Run(IReadOnlyList<long> first, IReadOnlyList<long> second, Func<double, double, double> term)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        ArgumentOutOfRangeException.ThrowIfNotEqual(first.Count, second.Count);
        double total1 = first.Sum(), total2 = second.Sum();
        var total = total1 + total2;
        var statistic = 0.0;
        var categories = 0;
        for (var i = 0; i < first.Count; i++)
        {
            double column = first[i] + second[i];
            if (column == 0)
            {
                continue;
            }

            categories++;
            statistic += term(first[i], column * total1 / total) + term(second[i], column * total2 / total);
        }

        if (categories < 2 || total1 == 0 || total2 == 0)
        {
            return TestResult.NoEvidence;
        }

        return new TestResult(statistic, 1 - ChiSquared.CDF(categories - 1, statistic));
    }
}
