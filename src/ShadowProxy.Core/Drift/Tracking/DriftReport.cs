namespace ShadowProxy.Core.Drift.Tracking;

internal sealed record DriftReport(DateTimeOffset EvaluatedAt, IReadOnlyList<DriftKeyReport> Keys)
{
    /// <summary>Evidence (ln e-detector) at which a metric is in Drift; see <see cref="DriftOptions.DriftThreshold"/>.</summary>
    public double DriftThreshold { get; init; }

    public double WarningThreshold { get; init; }
}
