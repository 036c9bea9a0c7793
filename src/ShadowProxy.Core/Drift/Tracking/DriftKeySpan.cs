namespace ShadowProxy.Core.Drift.Tracking;

/// <summary>A tracked key with the first bucket it was ever seen in (where its reference window starts) and its newest.</summary>
internal sealed record DriftKeySpan(DriftKey Key, long FirstBucket, long LastBucket);
