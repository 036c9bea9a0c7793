namespace ShadowProxy.Core.Drift;

/// <summary>Exact two-sided sign test on paired differences; zero differences are dropped.</summary>
internal static class SignTest
{
    public static TestResult Compute(IReadOnlyList<double> differences)
    {
        ArgumentNullException.ThrowIfNull(differences);
        var positive = differences.Count(static d => d > 0);
        var negative = differences.Count(static d => d < 0);
        return Compute(positive, negative);
    }

    public static TestResult Compute(int positive, int negative) =>
        positive + negative == 0
            ? TestResult.NoEvidence
            : new TestResult(Math.Min(positive, negative), BinomialTest.TwoSidedHalf(positive, positive + negative), Exact: true);
}
