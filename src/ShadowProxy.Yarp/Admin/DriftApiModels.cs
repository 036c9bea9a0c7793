namespace ShadowProxy.Yarp.Admin;

/// <summary>
/// `GET /admin/api/drift`: the latest evaluation, one entry per (route, requested model, pinned model). A metric is in
/// warning or drift once its evidence reaches the matching threshold.
/// </summary>
internal sealed record DriftResponse(DateTimeOffset EvaluatedAt, double WarningThreshold, double DriftThreshold, IReadOnlyList<RouteDrift> Routes);

internal sealed record RouteDrift(
    string Route,
    string PrimaryModel,
    string BaselineModel,
    long Pairs,
    string State,
    RateEstimateDto NoiseFloor,
    RateEstimateDto Disagreement,
    IReadOnlyList<MetricDrift> Metrics,
    IReadOnlyList<ServedModelEventDto> ServedModelEvents,
    IReadOnlyList<ProbeAccuracyDto> Probes,
    IReadOnlyList<DriftAcceptanceDto> Acceptances);

/// <summary>An accepted change: the audit trail of re-baselining.</summary>
internal sealed record DriftAcceptanceDto(DateTimeOffset At, IReadOnlyList<string> Metrics, string? By, string? Reason);

/// <summary>`POST /admin/api/drift/accept`: re-base a route's metrics (all when <see cref="Metric"/> is null).</summary>
internal sealed record DriftAcceptRequest(string? Route, string? Metric, string? By, string? Reason);

/// <summary>The keys (route, requested model, pinned model) that were re-based.</summary>
internal sealed record DriftAcceptResponse(string Route, IReadOnlyList<AcceptedKeyDto> Keys);

internal sealed record AcceptedKeyDto(string PrimaryModel, string BaselineModel, DriftAcceptanceDto Acceptance);

/// <summary>Ground-truth accuracy of canary probes per suite; p from McNemar's test on the paired grades.</summary>
internal sealed record ProbeAccuracyDto(string Suite, long Probes, double PrimaryAccuracy, double BaselineAccuracy, double PValue);

internal sealed record RateEstimateDto(double Rate, double CiLow, double CiHigh, long Pairs);

internal sealed record MetricDrift(
    string Name,
    long Pairs,
    double? Baseline,
    double? Primary,
    double? Delta,
    double? CiLow,
    double? CiHigh,
    double? PValue,
    double? PAdjusted,
    string State,
    double? Evidence,
    string? Note,
    DateTimeOffset? ChangeStartedAt,
    long? PairsAtDetection,
    DateTimeOffset? FirstDriftAt);

internal sealed record ServedModelEventDto(string Side, string? FromModel, string? FromFingerprint, string? ToModel, string? ToFingerprint, DateTimeOffset At);
