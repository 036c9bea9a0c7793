namespace ShadowProxy.Core.Drift.Tracking;

/// <summary>A bucket's counts with its index (whole <see cref="DriftOptions.BucketDuration"/>s since 0001-01-01 UTC).</summary>
internal sealed record IndexedDriftBucket(long BucketIndex, DriftBucket Counts);
