using ShadowProxy.Core.Drift.Tracking;
using ShadowProxy.DriftBench.Traffic;

namespace ShadowProxy.DriftBench.Simulation;

/// <summary>
/// Pairs judged once by the real comparer and then resampled, so a month of traffic costs seconds. Each pair is kept
/// with its baseline replicate and without, and the feed picks one at the gateway's replicate rate.
/// </summary>
internal sealed class ObservationPool
{
    private readonly PairObservation[] _withReplicate;
    private readonly PairObservation[] _withoutReplicate;

    private ObservationPool(PairObservation[] withReplicate, PairObservation[] withoutReplicate) =>
        (_withReplicate, _withoutReplicate) = (withReplicate, withoutReplicate);

    public int Count => _withReplicate.Length;

    public static ObservationPool Build(RouteKind route, SimulatedModel baseline, SimulatedModel primary, int size, int seed)
    {
        var random = new Random(seed);
        var with = new PairObservation[size];
        var without = new PairObservation[size];
        for (var i = 0; i < size; i++)
        {
            var prompt = SimulatedTraffic.NextPrompt(random, route);
            with[i] = SimulatedTraffic.Observe(prompt, baseline, primary, withReplicate: true, seed, i, DateTimeOffset.UnixEpoch);
            without[i] = WithoutReplicate(with[i]);
        }

        return new ObservationPool(with, without);
    }

    public PairObservation Draw(Random random, bool withReplicate, DateTimeOffset at)
    {
        var index = random.Next(_withReplicate.Length);
        return (withReplicate ? _withReplicate : _withoutReplicate)[index] with { At = at };
    }

    /// <summary>The share of pool pairs with a given value, for reporting what a change really did.</summary>
    public double Mean(Func<PairObservation, double?> value)
    {
        var values = _withReplicate.Select(value).Where(static v => v is not null).Select(static v => v!.Value).ToList();
        return values.Count == 0 ? double.NaN : values.Average();
    }

    private static PairObservation WithoutReplicate(PairObservation observation) => observation with
    {
        Disagreements = observation.Disagreements.Where(static d => d.Value.Primary is not null)
            .ToDictionary(static d => d.Key, static d => d.Value with { Noise = null }),
        Similarities = observation.Similarities.Where(static s => s.Value.Primary is not null)
            .ToDictionary(static s => s.Key, static s => s.Value with { Noise = null }),
    };
}
