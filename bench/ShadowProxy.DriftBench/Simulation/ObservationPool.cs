using ShadowProxy.Core.Drift.Tracking;
using ShadowProxy.DriftBench.Traffic;

namespace ShadowProxy.DriftBench.Simulation;

/// <summary>
/// Pairs judged once by the real comparer and then resampled, so a month of traffic costs seconds. Each pair is kept
/// with its baseline replicate and without, and the feed picks one at the gateway's replicate rate.
/// <para>
/// A finite pool is a fixed sample, and a fixed sample is never exactly symmetric: resampled for a month, its small
/// chance lean (a few more "primary only" fences than "baseline only") is a real difference the detector would
/// rightly find. When both sides are the same model the sides are exchangeable, so an A/A pool mirrors each draw with
/// probability ½ (primary and baseline swapped; primary and replicate swapped), which restores the symmetry a fresh
/// sample has.
/// </para>
/// </summary>
internal sealed class ObservationPool
{
    private readonly PairObservation[] _withReplicate;
    private readonly PairObservation[] _withoutReplicate;

    private readonly bool _mirrored;

    private ObservationPool(PairObservation[] withReplicate, PairObservation[] withoutReplicate, bool mirrored) =>
        (_withReplicate, _withoutReplicate, _mirrored) = (withReplicate, withoutReplicate, mirrored);

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

        return new ObservationPool(with, without, mirrored: baseline == primary);
    }

    public PairObservation Draw(Random random, bool withReplicate, DateTimeOffset at)
    {
        var index = random.Next(_withReplicate.Length);
        var observation = (withReplicate ? _withReplicate : _withoutReplicate)[index] with { At = at };
        return _mirrored && random.Next(2) == 1 ? Mirror(observation) : observation;
    }

    /// <summary>The share of pool pairs with a given value, for reporting what a change really did.</summary>
    public double Mean(Func<PairObservation, double?> value)
    {
        var values = _withReplicate.Select(value).Where(static v => v is not null).Select(static v => v!.Value).ToList();
        return values.Count == 0 ? double.NaN : values.Average();
    }

    private static PairObservation Mirror(PairObservation o) => o with
    {
        Flags = o.Flags.ToDictionary(static f => f.Key, static f => new PairedFlag(f.Value.Primary, f.Value.Baseline)),
        LengthLogRatio = -o.LengthLogRatio,
        PrimaryChars = o.BaselineChars,
        BaselineChars = o.PrimaryChars,
        PrimaryAnswer = o.BaselineAnswer,
        BaselineAnswer = o.PrimaryAnswer,
        // The primary and the replicate are both answers compared with the same baseline answer.
        Disagreements = o.Disagreements.ToDictionary(static d => d.Key, static d => d.Value.Noise is null ? d.Value : new PairedDisagreement(d.Value.Noise, d.Value.Primary)),
        Similarities = o.Similarities.ToDictionary(static s => s.Key, static s => s.Value.Noise is null ? s.Value : new PairedSimilarity(s.Value.Noise, s.Value.Primary)),
    };

    private static PairObservation WithoutReplicate(PairObservation observation) => observation with
    {
        Disagreements = observation.Disagreements.Where(static d => d.Value.Primary is not null)
            .ToDictionary(static d => d.Key, static d => d.Value with { Noise = null }),
        Similarities = observation.Similarities.Where(static s => s.Value.Primary is not null)
            .ToDictionary(static s => s.Key, static s => s.Value with { Noise = null }),
    };
}
