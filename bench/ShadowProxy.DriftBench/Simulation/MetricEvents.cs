using ShadowProxy.Core.Drift.Tracking;

namespace ShadowProxy.DriftBench.Simulation;

/// <summary>What one run saw: per key, every entry of a metric into Warning or Drift, with the pairs seen by then.</summary>
internal sealed class MetricEvents
{
    private readonly Dictionary<(DriftKey Key, string Metric), DriftState> _states = [];

    private readonly Dictionary<DriftKey, List<(TimeSpan At, long Pairs)>> _pairs = [];

    public List<(DriftKey Key, string Metric, DriftState State, TimeSpan At, long Pairs)> Entries { get; } = [];

    /// <summary>Pairs the key had received by the end of the bucket ending at or before <paramref name="at"/>.</summary>
    public long PairsBy(DriftKey key, TimeSpan at) =>
        _pairs.TryGetValue(key, out var series) ? series.LastOrDefault(p => p.At <= at).Pairs : 0;

    public void Observe(DriftReport report, TimeSpan at, IReadOnlyDictionary<DriftKey, long> pairs)
    {
        foreach (var (key, count) in pairs)
        {
            if (!_pairs.TryGetValue(key, out var series))
            {
                _pairs[key] = series = [];
            }

            series.Add((at, count));
        }

        foreach (var key in report.Keys)
        {
            foreach (var metric in key.Metrics)
            {
                var previous = _states.GetValueOrDefault((key.Key, metric.Name), DriftState.Ok);
                var entered = metric.State switch
                {
                    DriftState.Drift => previous != DriftState.Drift,
                    DriftState.Warning => previous is DriftState.Ok or DriftState.WarmingUp,
                    _ => false,
                };
                if (entered)
                {
                    Entries.Add((key.Key, metric.Name, metric.State, at, pairs.GetValueOrDefault(key.Key)));
                }

                _states[(key.Key, metric.Name)] = metric.State;
            }
        }
    }
}
