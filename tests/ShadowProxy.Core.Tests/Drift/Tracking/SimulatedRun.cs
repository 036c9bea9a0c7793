using Microsoft.Extensions.Time.Testing;
using ShadowProxy.Core.Drift.Tracking;
using ShadowProxy.DriftBench.Traffic;
using ShadowProxy.Simulator.Profiles;

namespace ShadowProxy.Core.Tests.Drift.Tracking;

/// <summary>
/// One seeded run: pairs arrive every six seconds (ten per one-minute bucket) and the tracker is evaluated
/// at the end of every bucket, as the gateway would on a timer.
/// </summary>
internal static class SimulatedRun
{
    public const int PairsPerBucket = 10;

    public static readonly DateTimeOffset Start = new(2025, 3, 14, 0, 0, 0, TimeSpan.Zero);

    public static DriftKey Key { get; } = new("chat", "gpt-sim-primary", "gpt-sim-baseline");

    public static DriftOptions Options { get; } = new();

    public static DateTimeOffset PairTime(int pair) => Start.AddSeconds(pair * 60.0 / PairsPerBucket);

    public static async Task<IReadOnlyList<DriftReport>> RunAsync(
        int seed, int pairs, Func<int, SimulatorProfile> primaryForPair, SimulatorProfile baseline, bool withReplicate = true)
    {
        var time = new FakeTimeProvider(Start);
        var tracker = new DriftTracker(Options, new InMemoryDriftWindowStore(Options), time);
        var random = new Random(seed);
        var reports = new List<DriftReport>();
        for (var pair = 0; pair < pairs; pair++)
        {
            var prompt = SimulatedTraffic.NextPrompt(random);
            var at = PairTime(pair);
            var observation = SimulatedTraffic.Observe(prompt, baseline, primaryForPair(pair), withReplicate, seed * 3, pair, at);
            await tracker.AddAsync(Key, observation);
            if ((pair + 1) % PairsPerBucket == 0)
            {
                time.SetUtcNow(at);
                reports.Add(await tracker.EvaluateAsync());
            }
        }

        return reports;
    }
}
