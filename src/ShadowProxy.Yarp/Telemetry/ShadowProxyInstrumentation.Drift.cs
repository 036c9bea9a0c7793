using System.Diagnostics.Metrics;
using ShadowProxy.Core.Drift.Tracking;

namespace ShadowProxy.Yarp.Telemetry;

/// <summary>Gauges read from the latest drift report at scrape time.</summary>
internal sealed partial class ShadowProxyInstrumentation
{
    public void ObserveDrift(Func<DriftReport> latest)
    {
        _meter.CreateObservableGauge(MetricNames.DriftState, () => PerMetric(latest(), m => (double)m.State),
            description: "Drift state per route, requested model and metric: 0 ok, 1 warning, 2 drift.");
        _meter.CreateObservableGauge(MetricNames.DriftPValue, () => PerMetric(latest(), m => m.PAdjusted),
            description: "Benjamini-Hochberg adjusted p-value of each drift test.");
        _meter.CreateObservableGauge(MetricNames.NoiseFloorDisagreement, () => PerKey(latest(), k => k.NoiseFloor.Rate),
            description: "Baseline-vs-baseline answer disagreement rate (the noise floor) in the current window.");
        _meter.CreateObservableGauge(MetricNames.AnswerDisagreement, () => PerKey(latest(), k => k.Disagreement.Rate),
            description: "Primary-vs-baseline answer disagreement rate in the current window.");
    }

    private static IEnumerable<Measurement<double>> PerMetric(DriftReport report, Func<DriftMetricReport, double?> value) =>
        from key in report.Keys
        from metric in key.Metrics
        let v = value(metric)
        where v is not null
        select new Measurement<double>(v.Value, Tag("route", key.Key.Route), Tag("model", key.Key.PrimaryModel), Tag("metric", metric.Name));

    private static IEnumerable<Measurement<double>> PerKey(DriftReport report, Func<DriftKeyReport, double> value) =>
        report.Keys.Where(k => k.Pairs > 0)
            .Select(k => new Measurement<double>(value(k), Tag("route", k.Key.Route), Tag("model", k.Key.PrimaryModel)));

    private static KeyValuePair<string, object?> Tag(string name, string value) => new(name, value);
}
