using ShadowProxy.Core.Drift.Tracking;
using ShadowProxy.Yarp.Probes;
using ShadowProxy.Yarp.Telemetry;

namespace ShadowProxy.Yarp.Admin;

internal static class DriftApiMapper
{
    public static DriftResponse Map(DriftReport report, IReadOnlyList<ServedModelEvent> events, IReadOnlyList<ProbeSuiteAccuracy> probes) => new(
        report.EvaluatedAt,
        report.WarningThreshold,
        report.DriftThreshold,
        [.. report.Keys.Select(key => new RouteDrift(
            key.Key.Route,
            key.Key.PrimaryModel,
            key.Key.BaselineModel,
            key.Pairs,
            StateName(key.State),
            Rate(key.NoiseFloor),
            Rate(key.Disagreement),
            [.. key.Metrics.Select(Metric)],
            [.. events.Where(e => e.Route == key.Key.Route).Select(e => new ServedModelEventDto(e.Side, e.FromModel, e.FromFingerprint, e.ToModel, e.ToFingerprint, e.At))],
            [.. probes.Where(p => p.Route == key.Key.Route && p.Model == key.Key.PrimaryModel)
                .Select(p => new ProbeAccuracyDto(p.Suite, p.Probes, p.PrimaryAccuracy, p.BaselineAccuracy, p.PValue))],
            [.. key.Acceptances.Select(Acceptance)]))]);

    public static DriftAcceptanceDto Acceptance(DriftAcceptance a) => new(a.At, a.Metrics, a.By, a.Reason);

    public static string StateName(DriftState state) => state switch
    {
        DriftState.Drift => "drift",
        DriftState.Warning => "warning",
        DriftState.WarmingUp => "warming_up",
        _ => "ok",
    };

    private static RateEstimateDto Rate(RateEstimate rate) => new(rate.Rate, rate.CiLow, rate.CiHigh, rate.Pairs);

    private static MetricDrift Metric(DriftMetricReport m) => new(
        m.Name, m.Pairs, m.BaselineValue, m.PrimaryValue, m.Delta, m.CiLow, m.CiHigh, m.PValue, m.PAdjusted,
        StateName(m.State), m.Evidence, m.Note, m.ChangeStartedAt, m.PairsAtDetection, m.FirstDriftAt);
}
