using System.Collections.Concurrent;
using ShadowProxy.Yarp.Shadowing.Sampling;
using ShadowProxy.Yarp.Telemetry;

namespace ShadowProxy.Yarp.Shadowing.Accounting;

/// <summary>
/// Counts decisions and outcomes per route, both for metrics and for the invariant
/// sampled = sum of outcomes that tests and the admin API check.
/// </summary>
internal sealed class ShadowAccounting(ShadowProxyInstrumentation instrumentation)
{
    private readonly ConcurrentDictionary<string, RouteCounts> _routes = new(StringComparer.Ordinal);

    public void Decision(string routeId, ShadowDecision decision)
    {
        Interlocked.Increment(ref CountsFor(routeId).Decisions[(int)decision]);
        instrumentation.ShadowDecision(routeId, decision);
    }

    public void Outcome(string routeId, ShadowOutcome outcome)
    {
        Interlocked.Increment(ref CountsFor(routeId).Outcomes[(int)outcome]);
        instrumentation.ShadowOutcome(routeId, outcome);
    }

    public long Decisions(string routeId, ShadowDecision decision) =>
        _routes.TryGetValue(routeId, out var counts) ? Interlocked.Read(ref counts.Decisions[(int)decision]) : 0;

    public long Outcomes(string routeId, ShadowOutcome outcome) =>
        _routes.TryGetValue(routeId, out var counts) ? Interlocked.Read(ref counts.Outcomes[(int)outcome]) : 0;

    public long TotalOutcomes(string routeId) =>
        Enum.GetValues<ShadowOutcome>().Sum(o => Outcomes(routeId, o));

    private RouteCounts CountsFor(string routeId) => _routes.GetOrAdd(routeId, static _ => new RouteCounts());

    private sealed class RouteCounts
    {
        public readonly long[] Decisions = new long[Enum.GetValues<ShadowDecision>().Length];
        public readonly long[] Outcomes = new long[Enum.GetValues<ShadowOutcome>().Length];
    }
}
