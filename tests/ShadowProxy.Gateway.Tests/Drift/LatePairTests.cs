using ShadowProxy.Core.Drift.Tracking;
using ShadowProxy.Gateway.Tests.Infrastructure;
using ShadowProxy.Simulator.Hosting;
using ShadowProxy.Simulator.Profiles;
using ShadowProxy.Yarp.Drift;
using ShadowProxy.Yarp.Shadowing.Accounting;
using ShadowProxy.Yarp.Shadowing.Sampling;

namespace ShadowProxy.Gateway.Tests.Drift;

/// <summary>
/// The verdicts fold each drift bucket once it has closed. A pair whose baseline answers only after its request's
/// bucket closed must still reach them: real baselines take seconds, and a Redis backlog can hold pairs for minutes.
/// </summary>
public sealed class LatePairTests
{
    private const int Requests = 160;

    [Fact]
    public async Task BaselineSlowerThanABucket_PairsStillReachTheVerdicts()
    {
        // The primary turns terse (June) while the pinned baseline (March) answers a whole second after it: four
        // quarter-second buckets later. The monitor folds closed buckets every 100 ms, as it would every 10 s against
        // one-minute buckets.
        var june = BuiltInProfiles.June with { TimeToFirstToken = TimeSpan.FromMilliseconds(5), TokenInterval = TimeSpan.Zero };
        var slowMarch = BuiltInProfiles.March with { TimeToFirstToken = TimeSpan.FromSeconds(1), TokenInterval = TimeSpan.Zero };
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var primary = await SimulatorServer.StartAsync(new SimulatorOptions { Profile = june, Seed = 21 }, cancellationToken);
        await using var baseline = await SimulatorServer.StartAsync(new SimulatorOptions { Profile = slowMarch, Seed = 22 }, cancellationToken);
        await using var gateway = await TestGateway.StartAsync(primary.BaseUri, ShadowSetup.Settings(baseline.BaseUri, new Dictionary<string, string?>
        {
            [$"Shadowing:Routes:{ShadowSetup.Route}:Baseline:Timeout"] = "00:00:05",
            [$"Shadowing:Routes:{ShadowSetup.Route}:Budget:RequestsPerMinute"] = "0",
            ["Drift:BucketDuration"] = "00:00:00.250",
            ["Drift:EvaluateEvery"] = "00:00:00.100",
            ["Drift:FalseDriftInterval"] = "01:00:00",
            ["Drift:FalseWarningInterval"] = "00:10:00",
        }));

        using var client = gateway.ProxyClient();
        await DriftedGatewayFixture.SendAsync(client, new Random(7), Requests);

        var accounting = gateway.Services.GetRequiredService<ShadowAccounting>();
        await ShadowSetup.WaitForAccountingAsync(accounting, () => accounting.Decisions(ShadowSetup.Route, ShadowDecision.Sampled));
        Assert.Equal(Requests, accounting.Outcomes(ShadowSetup.Route, ShadowOutcome.Paired));

        // Let the last pairs' bucket close and be folded, then read the verdict.
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        var report = await gateway.Services.GetRequiredService<DriftMonitor>().RefreshAsync(cancellationToken);
        var length = Assert.Single(report.Keys).Metrics.Single(m => m.Name == DriftMetricNames.LengthLogRatio);
        TestContext.Current.TestOutputHelper?.WriteLine($"{length.Name}: {length.State}, evidence {length.Evidence:F1}, {length.Pairs} pairs in the window, detected at {length.PairsAtDetection}");
        Assert.Equal(DriftState.Drift, length.State);
        Assert.NotNull(length.PairsAtDetection);
    }
}
