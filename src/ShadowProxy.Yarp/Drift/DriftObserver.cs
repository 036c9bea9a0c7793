using ShadowProxy.Core.Drift.Tracking;
using ShadowProxy.Yarp.Pairs;
using ShadowProxy.Yarp.Telemetry;

namespace ShadowProxy.Yarp.Drift;

/// <summary>Feeds every compared pair into the drift windows, keyed by route, requested model and pinned model.</summary>
internal sealed class DriftObserver(DriftTracker tracker, ModelNameAllowList models) : IPairObserver
{
    public ValueTask OnPairAsync(PairRecord pair, CancellationToken cancellationToken) =>
        tracker.AddAsync(KeyOf(pair, models), PairObservation.From(pair.Comparison, pair.Noise, pair.StartedAt), cancellationToken);

    public static DriftKey KeyOf(PairRecord pair, ModelNameAllowList models) =>
        new(pair.RouteId, models.Label(pair.RequestedModel), pair.PinnedModel);
}
