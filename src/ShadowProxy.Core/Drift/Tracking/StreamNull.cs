namespace ShadowProxy.Core.Drift.Tracking;

internal enum StreamNull
{
    /// <summary>Paired flags, signs and similarity orders: without change, either side is as likely to be the odd one.</summary>
    Symmetric,

    /// <summary>Disagreement: without change, no more frequent than between the baseline and its replicates.</summary>
    NoiseFloor,
}
