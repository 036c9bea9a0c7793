using System.Diagnostics;
using ShadowProxy.Gateway.Hosting;
using ShadowProxy.Simulator.Hosting;
using ShadowProxy.Simulator.Profiles;
using ShadowProxy.Yarp.Drift;

namespace ShadowProxy.Gateway.Demo;

/// <summary>Runs the demo: simulated models, the gateway in front of them, traffic, live progress and a summary.</summary>
internal sealed class DemoRunner(DemoSettings settings, TextWriter output)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await using var primary = settings.PrimaryUrl is null
            ? await SimulatorServer.StartAsync(new SimulatorOptions { Profile = BuiltInProfiles.March, Seed = settings.Seed }, cancellationToken)
            : null;
        var primaryUrl = settings.PrimaryUrl ?? primary!.BaseUri;
        await using var baseline = settings.BaselineUrl is null
            ? await SimulatorServer.StartAsync(new SimulatorOptions { Profile = BuiltInProfiles.March with { Faults = FaultProfile.Mixed(settings.BaselineFaultRate) }, Seed = settings.Seed + 1 }, cancellationToken)
            : null;
        var baselineUrl = settings.BaselineUrl ?? baseline!.BaseUri;
        var baselineModel = settings.BaselineModel ?? BuiltInProfiles.March.Model;

        await using var gateway = GatewayHost.Build(new GatewayHostSettings
        {
            Embedded = true,
            Overrides = new Dictionary<string, string?>
            {
                ["Listeners:Proxy"] = settings.ProxyListener,
                ["Listeners:Admin"] = settings.AdminListener,
                ["ReverseProxy:Clusters:openai:Destinations:primary:Address"] = primaryUrl.ToString(),
                ["Shadowing:Routes:openai:SampleRate"] = "1",
                ["Shadowing:Routes:openai:NoiseReplicateRate"] = "0.25",
                ["Shadowing:Routes:openai:Baseline:Address"] = baselineUrl.ToString(),
                ["Shadowing:Routes:openai:Baseline:Model"] = baselineModel,
                ["Shadowing:Routes:openai:Baseline:ApiKey"] = settings.BaselineApiKey,
                ["Shadowing:Workers"] = "64",
                // The demo's simulated providers run in this process too, so its CPU is not the gateway's alone.
                ["Shadowing:MaxCpuUtilization"] = "1",
                ["Shadowing:Routes:openai:Baseline:MaxConcurrency"] = "48",
                ["Shadowing:Routes:openai:Budget:RequestsPerMinute"] = "0",
                ["Drift:BucketDuration"] = settings.DriftBucket.ToString(),
                ["Drift:WindowBuckets"] = "24",
                ["Drift:EvaluateEvery"] = "00:00:02",
                ["Probes:Routes:openai:Enabled"] = "true",
                ["Probes:Routes:openai:Interval"] = "00:00:02",
                ["Probes:Routes:openai:PerRun"] = "4",
                ["Probes:Routes:openai:Model"] = settings.PrimaryModel,
                ["Logging:LogLevel:Default"] = "Warning",
                ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
            },
        });
        await gateway.StartAsync(cancellationToken);
        output.WriteLine($"ShadowProxy demo: gateway {gateway.ProxyUri}v1 -> primary {primaryUrl}");
        output.WriteLine($"  admin/explorer: {gateway.AdminUri}   (Ctrl+C to stop)");

        using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        run.CancelAfter(settings.Duration);
        using var client = new HttpClient { BaseAddress = gateway.ProxyUri, Timeout = TimeSpan.FromMinutes(2) };
        var stats = new DemoStats();
        var clock = Stopwatch.StartNew();
        using var generator = new DemoTraffic(client, settings, stats);
        var traffic = generator.RunAsync(run.Token);
        var drifted = false;
        var monitor = gateway.Services.GetRequiredService<DriftMonitor>();
        while (!traffic.IsCompleted)
        {
            await Task.WhenAny(traffic, Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None));
            if (!drifted && primary is not null && clock.Elapsed >= settings.DriftAfter)
            {
                drifted = true;
                primary.Profile = BuiltInProfiles.June;
                output.WriteLine($"[{clock.Elapsed.TotalSeconds,5:F0}s] the provider silently swapped the primary model ({BuiltInProfiles.March.Model} -> {BuiltInProfiles.June.Model})");
            }

            output.WriteLine($"[{clock.Elapsed.TotalSeconds,5:F0}s] requests {stats.Sent,6}  ok {stats.Succeeded,6}  errors {stats.Failed,4}  streamed {stats.Streamed,5}  {DemoSummary.Progress(monitor.Latest)}");
        }

        await traffic;
        var final = await monitor.RefreshAsync(CancellationToken.None);
        DemoSummary.WriteTable(final, await gateway.Services.GetRequiredService<Yarp.Probes.IProbeAccuracyStore>().SnapshotAsync(CancellationToken.None), output);
        await gateway.StopAsync(CancellationToken.None);
        DemoSummary.WriteAccounting(gateway.Services.GetRequiredService<Yarp.Shadowing.Accounting.ShadowAccounting>(), output);
        output.WriteLine($"Done: {stats.Sent} requests, {stats.Succeeded} ok, {stats.Failed} errors.");
        return stats.Failed == 0 ? 0 : 1;
    }
}
