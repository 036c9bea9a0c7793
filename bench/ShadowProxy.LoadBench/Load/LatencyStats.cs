using HdrHistogram;

namespace ShadowProxy.LoadBench.Load;

/// <summary>Percentiles of one histogram recorded in microseconds, reported in milliseconds.</summary>
internal sealed record LatencyStats(long Count, double P50, double P99, double P999, double Max)
{
    public static LongConcurrentHistogram NewHistogram() => new(1, 120_000_000, 3);

    public static LatencyStats From(HistogramBase histogram) => histogram.TotalCount == 0
        ? new LatencyStats(0, double.NaN, double.NaN, double.NaN, double.NaN)
        : new LatencyStats(
            histogram.TotalCount,
            Milliseconds(histogram.GetValueAtPercentile(50)),
            Milliseconds(histogram.GetValueAtPercentile(99)),
            Milliseconds(histogram.GetValueAtPercentile(99.9)),
            Milliseconds(histogram.GetMaxValue()));

    private static double Milliseconds(long microseconds) => microseconds / 1000.0;
}
