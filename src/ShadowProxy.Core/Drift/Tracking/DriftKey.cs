namespace ShadowProxy.Core.Drift.Tracking;

/// <summary>What drift is tracked per: one route comparing one primary model with one baseline model.</summary>
internal sealed record DriftKey(string Route, string PrimaryModel, string BaselineModel);
