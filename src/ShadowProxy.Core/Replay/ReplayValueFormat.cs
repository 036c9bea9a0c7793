using System.Globalization;

namespace ShadowProxy.Core.Replay;

/// <summary>Human formatting shared by the table and markdown renderers: rates as percentages, means as numbers.</summary>
internal static class ReplayValueFormat
{
    public static string Value(ReplayMetric metric, double value) =>
        metric.IsRate
            ? (value * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%"
            : value.ToString("0.0", CultureInfo.InvariantCulture);

    public static string Delta(ReplayMetric metric) =>
        metric.IsRate
            ? (metric.Delta * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " pt"
            : metric.Delta.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture);

    /// <summary>Below 1e-16 a double p-value is numerically zero, so it is shown as a bound rather than "0".</summary>
    public static string PValue(double p) => p switch
    {
        < 1e-16 => "<1e-16",
        < 1e-4 => p.ToString("0.0e0", CultureInfo.InvariantCulture),
        _ => p.ToString("0.0000", CultureInfo.InvariantCulture),
    };

    public static string Interval(ReplayMetric metric) =>
        metric is { CiLow: { } low, CiHigh: { } high }
            ? $"[{Value(metric, low)}, {Value(metric, high)}]"
            : string.Empty;

    public static string[] Row(ReplayMetric metric) =>
    [
        metric.Name,
        Value(metric, metric.Baseline),
        Value(metric, metric.Primary),
        Delta(metric),
        PValue(metric.AdjustedPValue),
        Interval(metric),
        metric.Drift ? "DRIFT" : "-",
    ];

    public static readonly string[] Header = ["metric", "baseline", "primary", "delta", "p (BH)", "primary 95% CI", "drift"];
}
