using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using ShadowProxy.Gateway.Tests.Infrastructure;
using ShadowProxy.Simulator.Hosting;
using ShadowProxy.Simulator.Profiles;
using ShadowProxy.Yarp.Hosting;

namespace ShadowProxy.Gateway.Tests.Redis;

/// <summary>Canary probes with the gateway and the worker as separate OS processes over one real redis-server.</summary>
public sealed class RedisProbeProcessTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ProbesSentByTheGatewayProcess_AreGradedByTheWorkerProcess_AndBothDriftApisShowTheSameAccuracy(bool cluster)
    {
        await using var deployment = await RedisDeployment.StartAsync(cluster: cluster);
        await using var primary = await SimulatorServer.StartAsync(new SimulatorOptions { Profile = BuiltInProfiles.Instant }, TestContext.Current.CancellationToken);
        var (gatewayAdmin, workerAdmin) = (FreePort.ClosedLoopbackUri(), FreePort.ClosedLoopbackUri());
        using var gateway = Start(deployment, "gateway", gatewayAdmin, primary.BaseUri, out var gatewayOut);
        using var worker = Start(deployment, "worker", workerAdmin, primary.BaseUri, out var workerOut);
        using var gatewayClient = new HttpClient { BaseAddress = gatewayAdmin };
        using var workerClient = new HttpClient { BaseAddress = workerAdmin };
        try
        {
            await Eventually.TrueAsync(async () => await ProbeResultsAsync(workerClient) >= 8, TimeSpan.FromSeconds(40), () => $"probe results on the worker; {gatewayOut}{workerOut}");
            // Graded where compared: the sender grades nothing, and both processes read one shared accuracy. The
            // worker grades a probe a moment before it records the pair whose drift key the API lists it under, so the
            // gateway sees it eventually, not at once.
            await Eventually.TrueAsync(async () => await ProbesAsync(gatewayClient) > 0, TimeSpan.FromSeconds(20), () => $"probes on the gateway's drift API; {gatewayOut}{workerOut}");
            // Probes keep coming while the APIs are read, so the worker's count must fall between two reads of the
            // gateway's (a bound in probes would be a bound in time, which a loaded machine breaks).
            var gatewayBefore = await ProbesAsync(gatewayClient);
            var workerProbes = await ProbesAsync(workerClient);
            var gatewayAfter = await ProbesAsync(gatewayClient);

            Assert.Equal(0, await ProbeResultsAsync(gatewayClient));
            Assert.InRange(workerProbes, gatewayBefore, gatewayAfter);
        }
        finally
        {
            foreach (var process in new[] { gateway, worker }.Where(static p => !p.HasExited))
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    [Fact]
    public async Task WorkerKilledHoldingProbeJobs_LosesNone_TheNextWorkerGradesEveryOne()
    {
        await using var deployment = await RedisDeployment.StartAsync();
        await using var primary = await SimulatorServer.StartAsync(new SimulatorOptions { Profile = BuiltInProfiles.Instant }, TestContext.Current.CancellationToken);
        // The doomed worker's baseline never answers, so every probe job it reads is still pending when it dies.
        await using var hanging = await SimulatorServer.StartAsync(
            new SimulatorOptions { Profile = BuiltInProfiles.Instant with { Faults = new FaultProfile { Hang = 1 } } }, TestContext.Current.CancellationToken);
        using var gateway = Start(deployment, "gateway", FreePort.ClosedLoopbackUri(), primary.BaseUri, out var gatewayOut);
        using var doomed = Start(deployment, "worker", FreePort.ClosedLoopbackUri(), primary.BaseUri, out var doomedOut, new Dictionary<string, string?>
        {
            [$"Shadowing:Routes:{RedisDeployment.Route}:Baseline:Address"] = hanging.BaseUri.ToString(),
            [$"Shadowing:Routes:{RedisDeployment.Route}:Baseline:Timeout"] = "00:01:00",
        });
        try
        {
            await using var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(deployment.RedisConnectionString);
            var db = redis.GetDatabase();
            var stream = deployment.KeyPrefix + "queue";
            await Eventually.TrueAsync(
                async () => await PendingAsync(db, stream) >= 6, TimeSpan.FromSeconds(40), () => $"pending probe jobs; {gatewayOut}{doomedOut}");

            // Stop the sender first: what it handed over is then exactly what the stream holds.
            gateway.Kill(entireProcessTree: true);
            await gateway.WaitForExitAsync(TestContext.Current.CancellationToken);
            var handedOver = await db.StreamLengthAsync(stream);
            doomed.Kill(entireProcessTree: true);
            await doomed.WaitForExitAsync(TestContext.Current.CancellationToken);
            var survivor = await deployment.StartReplicaAsync(GatewayRole.Worker);

            // One graded result per probe and side; the primary side counts the probes.
            await Eventually.TrueAsync(
                async () => await RedisDeployment.ScrapeAsync(survivor, "shadowproxy_probe_results_total", "side", "primary") >= handedOver,
                TimeSpan.FromSeconds(30), () => "probe results on the survivor");
            await Eventually.TrueAsync(async () => await db.StreamLengthAsync(stream) == 0, TimeSpan.FromSeconds(10), () => "settled probe jobs are deleted");
            Assert.True(handedOver >= 6, $"{handedOver} probe jobs in the stream");
            Assert.Equal(handedOver, await RedisDeployment.ScrapeAsync(survivor, "shadowproxy_probe_results_total", "side", "primary"));
        }
        finally
        {
            foreach (var process in new[] { gateway, doomed }.Where(static p => !p.HasExited))
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private static Process Start(RedisDeployment deployment, string role, Uri admin, Uri primary, out StringBuilder output, Dictionary<string, string?>? extra = null)
    {
        var settings = deployment.Settings(new Dictionary<string, string?>(extra ?? new Dictionary<string, string?>())
        {
            ["Listeners:Admin"] = admin.ToString().TrimEnd('/'),
            ["ReverseProxy:Clusters:openai:Destinations:primary:Address"] = primary.ToString(),
            [$"Shadowing:Routes:{RedisDeployment.Route}:SampleRate"] = "0",
            ["Probes:Routes:openai:Enabled"] = "true",
            ["Probes:Routes:openai:Interval"] = "00:00:01",
            ["Probes:Routes:openai:PerRun"] = "2",
            ["Probes:Routes:openai:Model"] = "gpt-4o",
        });
        var process = ProcessRunner.Start("dotnet", [
            Path.Combine(AppContext.BaseDirectory, "shadowproxy.dll"), "serve", "--role", role,
            .. settings.Select(static s => $"--{s.Key}={s.Value}"),
        ], AppContext.BaseDirectory, out output, out var errors);
        output = errors;
        return process;
    }

    private static async Task<long> ProbeResultsAsync(HttpClient admin)
    {
        try
        {
            return RedisDeployment.ScrapeText(await admin.GetStringAsync("/metrics", TestContext.Current.CancellationToken), "shadowproxy_probe_results_total");
        }
        catch (HttpRequestException)
        {
            return 0; // not listening yet
        }
    }

    private static async Task<long> PendingAsync(StackExchange.Redis.IDatabase db, string stream)
    {
        try
        {
            return (await db.StreamPendingAsync(stream, "workers")).PendingMessageCount;
        }
        catch (StackExchange.Redis.RedisServerException)
        {
            return 0; // no stream or consumer group yet
        }
    }

    private static async Task<long> ProbesAsync(HttpClient admin)
    {
        var drift = JsonNode.Parse(await admin.GetStringAsync("/admin/api/drift?refresh=true", TestContext.Current.CancellationToken))!;
        return drift["routes"]!.AsArray().SelectMany(static r => r!["probes"]!.AsArray()).Sum(static p => p!["probes"]!.GetValue<long>());
    }
}
