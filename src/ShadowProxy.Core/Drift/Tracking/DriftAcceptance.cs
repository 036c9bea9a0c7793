namespace ShadowProxy.Core.Drift.Tracking;

/// <summary>An operator's acknowledgement that a change is real and wanted: the metrics re-based, by whom and why.</summary>
internal sealed record DriftAcceptance(DateTimeOffset At, IReadOnlyList<string> Metrics, string? By, string? Reason);
