namespace ShadowProxy.Core.Drift.Tracking;

/// <summary>A metric's verdict; the numbers are the `shadowproxy_drift_state` gauge's values.</summary>
internal enum DriftState
{
    /// <summary>No null to test against yet: the noise floor (or an accepted reference) is still being learnt.</summary>
    WarmingUp = -1,

    Ok = 0,

    Warning = 1,

    Drift = 2,
}
