using ShadowProxy.Core.Drift;

namespace ShadowProxy.Core.Replay;

/// <summary>
/// Drift = BH-adjusted p below alpha AND an effect large enough to matter: an absolute change of at least
/// <see cref="ReplayOptions.MinRateChange"/> for rates, a relative change of at least
/// <see cref="ReplayOptions.MinRelativeMeanChange"/> for means. Significance alone flags trivia on big samples.
/// </summary>
internal static class DriftDecision
{
    public static IReadOnlyList<ReplayMetric> Apply(IReadOnlyList<ReplayMetric> metrics, ReplayOptions options)
    {
        var adjusted = BenjaminiHochberg.Adjust([.. metrics.Select(static m => m.PValue)]);
        return [.. metrics.Select((metric, i) => metric with
        {
            AdjustedPValue = adjusted[i],
            Drift = adjusted[i] < options.Alpha && EffectMatters(metric, options),
        })];
    }

    private static bool EffectMatters(ReplayMetric metric, ReplayOptions options) =>
        metric.IsRate
            ? Math.Abs(metric.Delta) >= options.MinRateChange
            : Math.Abs(metric.Delta) >= options.MinRelativeMeanChange * Math.Max(Math.Abs(metric.Baseline), double.Epsilon);
}
