using MathNet.Numerics.Distributions;

namespace ShadowProxy.Core.Drift;

/// <summary>Exact binomial tail probabilities shared by McNemar, the sign test and noise-floor checks.</summary>
internal static class BinomialTest
{
    /// <summary>Two-sided p for a fair coin: twice the smaller tail, capped at 1.</summary>
    public static double TwoSidedHalf(int successes, int trials)
    {
        if (trials == 0)
        {
            return 1;
        }

        var smaller = Math.Min(successes, trials - successes);
        return Math.Min(1, 2 * Binomial.CDF(0.5, trials, smaller));
    }

    /// <summary>One-sided P(X ≥ successes) for X ~ Binomial(trials, probability).</summary>
    public static double UpperTail(int successes, int trials, double probability)
    {
        if (successes <= 0)
        {
            return 1;
        }

        if (probability <= 0)
        {
            return 0;
        }

        return Math.Clamp(1 - Binomial.CDF(probability, trials, successes - 1), 0, 1);
    }
}
