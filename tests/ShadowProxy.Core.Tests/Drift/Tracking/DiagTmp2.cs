using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using ShadowProxy.Core.Drift.Tracking;
using ShadowProxy.Simulator.Profiles;

namespace ShadowProxy.Core.Tests.Drift.Tracking;

public sealed class DiagTmp2
{
    [Fact]
    public async Task Calib()
    {
        var random = new Random(1);
        var sw = Stopwatch.StartNew();
        var obs = new List<PairObservation>();
        for (var i = 0; i < 30000; i++)
        {
            obs.Add(SimulatedTraffic.Observe(SimulatedTraffic.NextPrompt(random), BuiltInProfiles.March, BuiltInProfiles.March, true, 3, i, SimulatedRun.PairTime(i % 300)));
        }
        var observe = sw.Elapsed; sw.Restart();
        for (var run = 0; run < 100; run++)
        {
            var time = new FakeTimeProvider(SimulatedRun.Start);
            var tracker = new DriftTracker(SimulatedRun.Options, new InMemoryDriftWindowStore(SimulatedRun.Options), time);
            for (var i = 0; i < 300; i++)
            {
                await tracker.AddAsync(SimulatedRun.Key, obs[run * 300 + i]);
                if ((i + 1) % 10 == 0) { time.SetUtcNow(SimulatedRun.PairTime(i)); await tracker.EvaluateAsync(); }
            }
        }
        TestContext.Current.TestOutputHelper!.WriteLine($"observe 30000: {observe.TotalMilliseconds} ms; track+evaluate 100 runs: {sw.Elapsed.TotalMilliseconds} ms");
    }
}
