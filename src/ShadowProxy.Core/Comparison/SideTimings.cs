namespace ShadowProxy.Core.Comparison;

internal sealed record SideTimings(TimeSpan? TimeToFirstByte, TimeSpan? Total);
