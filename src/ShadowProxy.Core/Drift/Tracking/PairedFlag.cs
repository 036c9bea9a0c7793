namespace ShadowProxy.Core.Drift.Tracking;

/// <summary>One flag as judged on the baseline and on the primary of the same pair.</summary>
internal readonly record struct PairedFlag(bool Baseline, bool Primary);
