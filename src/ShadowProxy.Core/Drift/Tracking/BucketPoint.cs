namespace ShadowProxy.Core.Drift.Tracking;

/// <summary>A metric's value over one bucket and how many pairs it rests on, for change-point location.</summary>
internal readonly record struct BucketPoint(long BucketIndex, long Count, double Value);
