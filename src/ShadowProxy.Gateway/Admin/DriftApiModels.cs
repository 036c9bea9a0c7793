namespace ShadowProxy.Gateway.Admin;

/// <summary>`GET /admin/api/drift`: the latest evaluation, one entry per (route, requested model, pinned model).</summary>
internal sealed record DriftResponse(DateTimeOffset EvaluatedAt, IReadOnlyList<RouteDrift> Routes);

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
    IReadOnlyList<ProbeAccuracyDto> Probes);

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
    string? Note,
    DateTimeOffset? ChangeStartedAt,
    long? PairsAtDetection,
    DateTimeOffset? FirstDriftAt);

internal sealed record ServedModelEventDto(string Side, string? FromModel, string? FromFingerprint, string? ToModel, string? ToFingerprint, DateTimeOffset At);
