namespace ShadowProxy.Core.Drift.Tracking;

internal sealed record DriftReport(DateTimeOffset EvaluatedAt, IReadOnlyList<DriftKeyReport> Keys);
