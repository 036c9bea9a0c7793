using MathNet.Numerics.Distributions;

namespace ShadowProxy.Core.Drift;

/// <summary>
/// One-sided pooled z-test of H1: p1 &gt; p2. Used for "primary-vs-baseline disagreement is above the
/// baseline-vs-baseline noise floor".
/// </summary>
internal static class TwoProportionZTest
{
    public static TestResult Greater(int successes1, int trials1, int successes2, int trials2)
    {
        if (trials1 == 0 || trials2 == 0)
        {
            return TestResult.NoEvidence;
        }

        var p1 = (double)successes1 / trials1;
        var p2 = (double)successes2 / trials2;
        var pooled = (double)(successes1 + successes2) / (trials1 + trials2);
        var standardError = Math.Sqrt(pooled * (1 - pooled) * ((1.0 / trials1) + (1.0 / trials2)));
        if (standardError == 0)
        {
            return TestResult.NoEvidence;
        }

        var z = (p1 - p2) / standardError;
        return new TestResult(z, Normal.CDF(0, 1, -z));
    }
}
