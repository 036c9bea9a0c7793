using ShadowProxy.Core.Drift.Tracking;
using ShadowProxy.DriftBench.Traffic;
using ShadowProxy.Simulator.Profiles;

namespace ShadowProxy.DriftBench.Simulation;

/// <summary>A model change the benchmark injects: on which kind of route, what the primary becomes, which metric must catch it.</summary>
internal sealed record DriftChange(string Name, RouteKind Route, SimulatedModel Primary, string Metric)
{
    /// <summary>The pinned baseline of every route, and the primary until a change: the simulator's "march" model.</summary>
    public static SimulatorProfile Baseline => BuiltInProfiles.March;

    /// <summary>
    /// Answer disagreement on checkable tasks between two draws at accuracy a and b is a(1−b) + b(1−a); the baseline
    /// with itself (a = 0.85) disagrees on 25.5%, so this accuracy raises it by <paramref name="points"/>.
    /// </summary>
    public static double AccuracyForExtraDisagreement(double points)
    {
        var a = Baseline.TaskAccuracy;
        var target = (2 * a * (1 - a)) + (points / 100);
        return (a - target) / ((2 * a) - 1);
    }

    public static IReadOnlyList<DriftChange> All { get; } =
    [
        new("disagreement+10pt", RouteKind.Math, Baseline with { TaskAccuracy = AccuracyForExtraDisagreement(10) }, DriftMetricNames.AnswerDisagreement),
        new("disagreement+5pt", RouteKind.Math, Baseline with { TaskAccuracy = AccuracyForExtraDisagreement(5) }, DriftMetricNames.AnswerDisagreement),
        new("length x2", RouteKind.Mixed, Baseline with { ReasoningWords = Baseline.ReasoningWords * 2 }, DriftMetricNames.LengthLogRatio),
        new("length x1.2", RouteKind.Mixed, Baseline with { ReasoningWords = Baseline.ReasoningWords * 6 / 5 }, DriftMetricNames.LengthLogRatio),
        new("refusal+10pt", RouteKind.Chat, Baseline with { SensitiveRefusalRate = Baseline.SensitiveRefusalRate + 0.2 }, DriftMetricNames.Refusal),
        new("code-fence+30pt", RouteKind.Code, Baseline with { CodeFenceRate = Baseline.CodeFenceRate + 0.3 }, DriftMetricNames.CodeFenced),
        new("json-validity-10pt", RouteKind.Json, Baseline with { JsonComplianceRate = Baseline.JsonComplianceRate - 0.1 }, DriftMetricNames.JsonValid),
        new("tool-call switch 20%", RouteKind.Tools, new SimulatedModel(Baseline, ToolSwitchRate: 0.2), DriftMetricNames.ToolNameDisagreement),
        new("free-text similarity drop (30% off topic)", RouteKind.Chat, new SimulatedModel(Baseline, OffTopicRate: 0.3), DriftMetricNames.FreeTextSimilarity),
    ];
}
