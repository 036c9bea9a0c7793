using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using ShadowProxy.Gateway.Tests.Infrastructure;
using ShadowProxy.Simulator.Hosting;
using ShadowProxy.Simulator.Profiles;

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
            // Graded where compared: the sender grades nothing, and both processes read one shared accuracy.
            var gatewayProbes = await ProbesAsync(gatewayClient);
            var workerProbes = await ProbesAsync(workerClient);

            Assert.Equal(0, await ProbeResultsAsync(gatewayClient));
            Assert.True(gatewayProbes > 0, $"the gateway process's drift API shows no probes; {gatewayOut}");
            Assert.InRange(workerProbes - gatewayProbes, 0, 4); // at most one run of PerRun probes graded between the reads
        }
        finally
        {
            foreach (var process in new[] { gateway, worker }.Where(static p => !p.HasExited))
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private static Process Start(RedisDeployment deployment, string role, Uri admin, Uri primary, out StringBuilder output)
    {
        var settings = deployment.Settings(new Dictionary<string, string?>
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

    private static async Task<long> ProbesAsync(HttpClient admin)
    {
        var drift = JsonNode.Parse(await admin.GetStringAsync("/admin/api/drift?refresh=true", TestContext.Current.CancellationToken))!;
        return drift["routes"]!.AsArray().SelectMany(static r => r!["probes"]!.AsArray()).Sum(static p => p!["probes"]!.GetValue<long>());
    }
}
