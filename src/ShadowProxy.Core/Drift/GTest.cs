namespace ShadowProxy.Core.Drift;

/// <summary>Likelihood-ratio G-test, 2 Σ O ln(O/E): the same question as chi-square, better with sparse cells.</summary>
internal static class GTest
{
    public static TestResult Compute(IReadOnlyList<long> first, IReadOnlyList<long> second) =>
        TwoSampleContingency.Run(first, second, static (observed, expected) => observed == 0 ? 0 : 2 * observed * Math.Log(observed / expected));
}
