using System.Globalization;
using ShadowProxy.Core.Drift.Tracking;
using ShadowProxy.Yarp.Admin;
using ShadowProxy.Yarp.Shadowing.Accounting;
using ShadowProxy.Yarp.Shadowing.Sampling;

namespace ShadowProxy.Gateway.Demo;

/// <summary>The demo's terminal output: a compact drift line while running, and the final per-metric table.</summary>
internal static class DemoSummary
{
    public static string Progress(DriftReport report)
    {
        var pairs = report.Keys.Sum(k => k.Pairs);
        var flagged = report.Keys.SelectMany(k => k.Metrics).Where(static m => m.State is DriftState.Warning or DriftState.Drift)
            .Select(m => $"{m.Name}={DriftApiMapper.StateName(m.State)}").Distinct().ToList();
        return $"pairs {pairs,5}  {(flagged.Count == 0 ? "no drift" : "DRIFT: " + string.Join(" ", flagged))}";
    }

    public static void WriteTable(DriftReport report, IReadOnlyList<Yarp.Probes.ProbeSuiteAccuracy> probes, TextWriter output)
    {
        foreach (var key in report.Keys.OrderBy(k => k.Key.Route).ThenBy(k => k.Key.PrimaryModel))
        {
            output.WriteLine();
            output.WriteLine($"route {key.Key.Route}: {key.Key.PrimaryModel} vs pinned {key.Key.BaselineModel} — {key.Pairs} pairs, noise floor {key.NoiseFloor.Rate:P1} (n={key.NoiseFloor.Pairs})");
            output.WriteLine($"  {"metric",-20} {"baseline",9} {"primary",9} {"evidence",9}  state (warning at {report.WarningThreshold:F1}, drift at {report.DriftThreshold:F1})");
            foreach (var metric in key.Metrics)
            {
                output.WriteLine($"  {metric.Name,-20} {Format(metric.BaselineValue),9} {Format(metric.PrimaryValue),9} {Format(metric.Evidence, "0.0"),9}  {DriftApiMapper.StateName(metric.State).ToUpperInvariant()}{(metric.Note is null ? string.Empty : $" ({metric.Note})")}");
            }

            foreach (var probe in probes.Where(p => p.Route == key.Key.Route && p.Model == key.Key.PrimaryModel))
            {
                output.WriteLine($"  {"accuracy:" + probe.Suite,-28} baseline {probe.BaselineAccuracy:P0}  primary {probe.PrimaryAccuracy:P0}  ({probe.Probes} canary probes, p {Format(probe.PValue, "0.0e0")})");
            }
        }
    }

    private static string Format(double? value, string format = "0.000") =>
        value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "-";

    /// <summary>The accounting invariant, printed: every sampled request (and probe) ended in exactly one outcome.</summary>
    public static void WriteAccounting(ShadowAccounting accounting, TextWriter output)
    {
        const string route = "openai";
        var sampled = accounting.Decisions(route, ShadowDecision.Sampled) + accounting.Decisions(route, ShadowDecision.Probe);
        var outcomes = Enum.GetValues<ShadowOutcome>().Where(o => accounting.Outcomes(route, o) > 0)
            .Select(o => $"{o.Name()} {accounting.Outcomes(route, o)}");
        output.WriteLine($"Shadow accounting: {sampled} sampled, {accounting.TotalOutcomes(route)} outcomes ({string.Join(", ", outcomes)})");
    }
}
