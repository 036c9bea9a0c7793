namespace ShadowProxy.Core.Drift;

/// <summary>Pearson chi-square test that two categorical count vectors come from the same distribution.</summary>
internal static class ChiSquareTest
{
    public static TestResult Compute(IReadOnlyList<long> first, IReadOnlyList<long> second) =>
        TwoSampleContingency.Run(first, second, static (observed, expected) => (observed - expected) * (observed - expected) / expected);
}
