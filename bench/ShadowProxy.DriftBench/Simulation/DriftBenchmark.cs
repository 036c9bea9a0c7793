using ShadowProxy.Core.Drift.Tracking;
using ShadowProxy.DriftBench.Traffic;

namespace ShadowProxy.DriftBench.Simulation;

/// <summary>The benchmark's experiments, each on default <see cref="DriftOptions"/> unless a caller passes others.</summary>
internal sealed class DriftBenchmark(int poolSize, DriftOptions options)
{
    private readonly Dictionary<(RouteKind, SimulatedModel), ObservationPool> _pools = [];
    private readonly Lock _lock = new();

    public DriftOptions Options => options;

    /// <summary>A/A on one route of each kind: every Warning and Drift entry is a false alarm.</summary>
    public async Task<AaResult> RunAaAsync(double days, double pairsPerSecond, int seed)
    {
        var kinds = new[] { RouteKind.Math, RouteKind.Chat, RouteKind.Code, RouteKind.Json, RouteKind.Tools, RouteKind.Mixed };
        var routes = kinds.Select(kind => Route(kind, _ => Pool(kind, DriftChange.Baseline), pairsPerSecond)).ToList();
        var events = await DriftSimulation.RunAsync(routes, TimeSpan.FromDays(days), seed, options);
        return new AaResult(days, pairsPerSecond, routes.Count, routes.Sum(r => events.PairsBy(r.Key, TimeSpan.FromDays(days))), events.Entries);
    }

    /// <summary>
    /// Runs A/A for <paramref name="warmUp"/>, switches the primary, and counts the route's pairs from the switch
    /// until the change's metric enters Drift (null when it did not within <paramref name="limit"/>).
    /// </summary>
    public async Task<(long? PairsToDetect, int FalseDriftsBefore)> RunAbAsync(
        DriftChange change, double pairsPerSecond, TimeSpan warmUp, TimeSpan limit, int seed, double replicateRate = 0.1, DriftOptions? settings = null)
    {
        var before = Pool(change.Route, DriftChange.Baseline);
        var after = Pool(change.Route, change.Primary);
        var route = Route(change.Route, elapsed => elapsed < warmUp ? before : after, pairsPerSecond) with { ReplicateRate = replicateRate };
        var events = await DriftSimulation.RunAsync([route], warmUp + limit, seed, settings ?? options,
            stop: e => e.Entries.Any(x => x.At > warmUp && x.Metric == change.Metric && x.State == DriftState.Drift));
        var detected = events.Entries.FirstOrDefault(x => x.At > warmUp && x.Metric == change.Metric && x.State == DriftState.Drift);
        var falseBefore = events.Entries.Count(x => x.At <= warmUp && x.State == DriftState.Drift);
        return (detected.Metric is null ? null : detected.Pairs - events.PairsBy(route.Key, warmUp), falseBefore);
    }

    /// <summary>A/A whose requests change half way (math-heavy to chit-chat and code): no Drift may follow.</summary>
    public async Task<IReadOnlyList<string>> RunTrafficMixChangeAsync(double days, double pairsPerSecond, int seed)
    {
        var before = Pool(RouteKind.Mixed, DriftChange.Baseline);
        var after = Pool(RouteKind.MixedChatty, DriftChange.Baseline);
        var half = TimeSpan.FromDays(days / 2);
        var events = await DriftSimulation.RunAsync([Route(RouteKind.Mixed, e => e < half ? before : after, pairsPerSecond)], TimeSpan.FromDays(days), seed, options);
        return [.. events.Entries.Where(static e => e.State == DriftState.Drift).Select(static e => $"{e.Metric} at day {e.At.TotalDays:F1}")];
    }

    /// <summary>Disagreement creeping up one point a day from the end of the warm-up: the days until Drift, or null.</summary>
    public async Task<double?> RunSlowDriftAsync(double pairsPerSecond, TimeSpan warmUp, int maxDays, int seed)
    {
        var pools = Enumerable.Range(0, maxDays + 1)
            .Select(day => Pool(RouteKind.Math, DriftChange.Baseline with { TaskAccuracy = DriftChange.AccuracyForExtraDisagreement(day) }))
            .ToList();
        var route = Route(RouteKind.Math, e => pools[e < warmUp ? 0 : Math.Min(maxDays, (int)(e - warmUp).TotalDays)], pairsPerSecond);
        var events = await DriftSimulation.RunAsync([route], warmUp + TimeSpan.FromDays(maxDays), seed, options,
            stop: e => e.Entries.Any(x => x.At > warmUp && x.Metric == DriftMetricNames.AnswerDisagreement && x.State == DriftState.Drift));
        var detected = events.Entries.FirstOrDefault(x => x.At > warmUp && x.Metric == DriftMetricNames.AnswerDisagreement && x.State == DriftState.Drift);
        return detected.Metric is null ? null : (detected.At - warmUp).TotalDays;
    }

    public ObservationPool Pool(RouteKind route, SimulatedModel primary)
    {
        lock (_lock)
        {
            if (!_pools.TryGetValue((route, primary), out var pool))
            {
                pool = ObservationPool.Build(route, DriftChange.Baseline, primary, poolSize, seed: 17 + (int)route);
                _pools[(route, primary)] = pool;
            }

            return pool;
        }
    }

    private static SimulatedRoute Route(RouteKind kind, Func<TimeSpan, ObservationPool> poolAt, double pairsPerSecond) =>
        new(new DriftKey(kind.ToString().ToLowerInvariant(), "gpt-sim-primary", "gpt-sim-baseline"), poolAt, pairsPerSecond);
}

internal sealed record AaResult(double Days, double PairsPerSecond, int Routes, long Pairs, IReadOnlyList<(DriftKey Key, string Metric, DriftState State, TimeSpan At, long Pairs)> Entries)
{
    public int FalseDrift => Entries.Count(static e => e.State == DriftState.Drift);

    public int FalseWarning => Entries.Count(static e => e.State == DriftState.Warning);
}
