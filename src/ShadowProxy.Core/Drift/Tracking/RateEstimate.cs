namespace ShadowProxy.Core.Drift.Tracking;

/// <summary>A proportion with its 95% Wilson interval.</summary>
internal sealed record RateEstimate(double Rate, double CiLow, double CiHigh, long Pairs)
{
    public static RateEstimate Measure(long successes, long trials)
    {
        var interval = WilsonInterval.Compute(checked((int)successes), checked((int)trials));
        return new RateEstimate(trials == 0 ? 0 : (double)successes / trials, interval.Low, interval.High, trials);
    }
}
