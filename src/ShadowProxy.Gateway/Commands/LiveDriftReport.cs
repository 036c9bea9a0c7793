using ShadowProxy.Core.Drift.Tracking;
using ShadowProxy.Core.Replay;
using ShadowProxy.Yarp.Admin;

namespace ShadowProxy.Gateway.Commands;

/// <summary>
/// Presents a live route's drift as a replay-style report, so `report` and `replay` print the same table:
/// answer disagreement becomes `answer_mismatch` with the noise floor in the baseline column.
/// </summary>
internal static class LiveDriftReport
{
    public static ReplayReport From(RouteDrift route) => new()
    {
        Baseline = route.BaselineModel,
        Primary = $"{route.Route}:{route.PrimaryModel}",
        Pairs = (int)Math.Min(route.Pairs, int.MaxValue),
        Profile = "live",
        Metrics = [.. route.Probes.Select(Accuracy), .. route.Metrics.Where(m => m.PValue is not null).Select(Metric)],
    };

    /// <summary>Probe ground truth, like replay's `accuracy` row: drift when McNemar says the sides differ by 5+ points.</summary>
    private static ReplayMetric Accuracy(ProbeAccuracyDto p) =>
        new($"accuracy:{p.Suite}", p.BaselineAccuracy, p.PrimaryAccuracy, p.PrimaryAccuracy - p.BaselineAccuracy, p.PValue,
            p.PValue < 0.01 && Math.Abs(p.PrimaryAccuracy - p.BaselineAccuracy) >= 0.05)
        {
            N = (int)Math.Min(p.Probes, int.MaxValue),
            AdjustedPValue = p.PValue,
            Test = "McNemar",
        };

    private static ReplayMetric Metric(MetricDrift m)
    {
        var (name, flip) = m.Name switch
        {
            "answer_disagreement" => ("answer_mismatch", false),
            "answer_extracted" => ("no_answer_rate", true),
            "refusal" => ("refusal_rate", false),
            "code_fenced" => ("code_fence_rate", false),
            "json_valid" => ("json_valid_rate", false),
            "schema_valid" => ("schema_valid_rate", false),
            "truncated" => ("truncated_rate", false),
            var other => (other, false),
        };
        var isRate = DriftMetricCatalogue.Find(m.Name)?.IsRate == true;
        double Value(double? v) => flip ? 1 - (v ?? 0) : v ?? 0;
        return new ReplayMetric(name, Value(m.Baseline), Value(m.Primary), flip ? -(m.Delta ?? 0) : m.Delta ?? 0, m.PValue ?? 1, m.State == "drift")
        {
            N = (int)m.Pairs,
            AdjustedPValue = m.PAdjusted ?? 1,
            IsRate = isRate,
            Test = m.State,
        };
    }
}
