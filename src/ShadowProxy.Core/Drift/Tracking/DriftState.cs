namespace ShadowProxy.Core.Drift.Tracking;

internal enum DriftState
{
    Ok,
    Warning,
    Drift,
}
