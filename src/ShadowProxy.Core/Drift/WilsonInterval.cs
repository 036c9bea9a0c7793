using MathNet.Numerics.Distributions;

namespace ShadowProxy.Core.Drift;

/// <summary>Wilson score interval for a proportion; sound for small n and for rates near 0 or 1.</summary>
internal static class WilsonInterval
{
    public static ConfidenceInterval Compute(int successes, int trials, double confidence = 0.95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
        if (trials == 0)
        {
            return new ConfidenceInterval(0, 1);
        }

        return Compute((double)successes, trials, Normal.InvCDF(0, 1, 1 - ((1 - confidence) / 2)));
    }

    /// <summary>The interval at <paramref name="z"/> standard errors, for counts that may be fractional (decayed).</summary>
    public static ConfidenceInterval Compute(double successes, double trials, double z)
    {
        if (trials <= 0)
        {
            return new ConfidenceInterval(0, 1);
        }

        var n = trials;
        var p = Math.Clamp(successes / n, 0, 1);
        var z2 = z * z;
        var center = (p + (z2 / (2 * n))) / (1 + (z2 / n));
        var half = z / (1 + (z2 / n)) * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n)));
        return new ConfidenceInterval(Math.Max(0, center - half), Math.Min(1, center + half));
    }
}
