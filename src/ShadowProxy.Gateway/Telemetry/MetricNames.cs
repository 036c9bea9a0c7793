namespace ShadowProxy.Gateway.Telemetry;

/// <summary>Instrument names; prometheus-net exports them with dots as underscores (counters gain `_total`).</summary>
internal static class MetricNames
{
    public const string ShadowDecisions = "shadowproxy.shadow.decisions";
    public const string ShadowOutcomes = "shadowproxy.shadow.outcomes";
    public const string ShadowQueueDepth = "shadowproxy.shadow.queue_depth";
}
