using ShadowProxy.Core.Drift.Tracking;
using ShadowProxy.Yarp.Pairs;
using ShadowProxy.Yarp.Telemetry;

namespace ShadowProxy.Yarp.Drift;

/// <summary>
/// Feeds every compared pair into the drift windows, keyed by route, requested model and pinned model. A pair counts
/// in the bucket of the moment it was compared, not of its request's start: the verdicts fold each bucket once it has
/// closed, so a pair that arrived later (a slow baseline, a backlog on the stream, a worker joining late) would stay in
/// the window's figures but never reach a verdict.
/// </summary>
internal sealed class DriftObserver(DriftTracker tracker, ModelNameAllowList models, TimeProvider time) : IPairObserver
{
    public ValueTask OnPairAsync(PairRecord pair, CancellationToken cancellationToken) =>
        tracker.AddAsync(KeyOf(pair, models), PairObservation.From(pair.Comparison, pair.Noise, time.GetUtcNow()), cancellationToken);

    public static DriftKey KeyOf(PairRecord pair, ModelNameAllowList models) =>
        new(pair.RouteId, models.Label(pair.RequestedModel), pair.PinnedModel);
}
