namespace ShadowProxy.Core.Drift.Tracking;

/// <summary>One drift metric as users meet it: in Prometheus labels, the drift API, `report`, the explorer and docs.</summary>
/// <param name="Name">The metric label value; also part of stored field names, so it never changes once released.</param>
/// <param name="Title">A short human name for tables and filters.</param>
/// <param name="Description">What one side's value means, in a sentence.</param>
/// <param name="Unit">"ratio" (0–1 rates and similarities), "log_ratio" or "psi".</param>
/// <param name="Kind">How pairs are read and tested.</param>
/// <param name="Test">The sequential test behind the verdict (or "descriptive"), as printed in reports.</param>
/// <param name="HigherIsWorse">Which direction of the primary's value is the bad one; null when either is.</param>
internal sealed record DriftMetricDefinition(
    string Name, string Title, string Description, string Unit, DriftMetricKind Kind, string Test, bool? HigherIsWorse)
{
    public bool IsRate => Unit == DriftMetricCatalogue.RatioUnit;
}
