namespace ShadowProxy.Core.Drift.Tracking;

/// <summary>What the tracker remembers of one metric of one key between evaluations.</summary>
/// <param name="State">The state last reported.</param>
/// <param name="DriftConditionSince">The bucket since which every evaluation met the drift condition.</param>
/// <param name="PairsAtDetection">Pairs in the window when the metric entered Drift.</param>
/// <param name="FirstDriftAt">When the metric entered Drift.</param>
internal readonly record struct MetricHistory(DriftState State, long? DriftConditionSince, long? PairsAtDetection, DateTimeOffset? FirstDriftAt)
{
    public static MetricHistory Initial { get; } = new(DriftState.Ok, null, null, null);
}
