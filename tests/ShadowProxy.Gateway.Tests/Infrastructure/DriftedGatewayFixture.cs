using System.Net.Http.Headers;
using ShadowProxy.Core.Drift.Tracking;
using ShadowProxy.Gateway.Demo;
using ShadowProxy.Gateway.Hosting;
using ShadowProxy.Simulator.Hosting;
using ShadowProxy.Simulator.Profiles;
using ShadowProxy.Yarp.Admin;
using ShadowProxy.Yarp.Drift;
using ShadowProxy.Yarp.Pairs;

namespace ShadowProxy.Gateway.Tests.Infrastructure;

/// <summary>
/// One gateway that has seen a provider swap, shared by the tests that inspect its evidence: March-like traffic,
/// then the primary silently turns June-like (terse, fenced code, more refusals, flipped answers) while the pinned
/// baseline stays March. Captured once, since it takes seconds of real traffic.
/// </summary>
public sealed class DriftedGatewayFixture : IAsyncLifetime
{
    public const string AdminToken = "admin-token-for-tests-0123456789";
    public const string PlantedSecret = "sk-planted0123456789abcdefSECRET";

    private const int RequestsBeforeSwap = 600;

    /// <summary>
    /// At 800 the answer-disagreement evidence (the smallest of the four changes, 0.31 -> 0.40 against its noise
    /// floor) ended once in CI at 7.2, just short of Drift; it grows with the pairs.
    /// </summary>
    private const int RequestsAfterSwap = 1200;

    private SimulatorServer _primary = null!;
    private SimulatorServer _baseline = null!;

    internal GatewayApp Gateway { get; private set; } = null!;

    internal CapturingLoggerProvider Logs { get; } = new();

    internal ReadinessVerdict ReadinessBeforeSwitch { get; private set; } = null!;

    internal DriftReport ReportBeforeSwitch { get; private set; } = null!;

    internal DriftReport FinalReport { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var march = BuiltInProfiles.March with { TimeToFirstToken = TimeSpan.FromMilliseconds(5), TokenInterval = TimeSpan.Zero };
        _primary = await SimulatorServer.StartAsync(new SimulatorOptions { Profile = march, Seed = 11 });
        _baseline = await SimulatorServer.StartAsync(new SimulatorOptions { Profile = march, Seed = 12 });
        Gateway = GatewayHost.Build(new GatewayHostSettings
        {
            Embedded = true,
            ConfigureLogging = logging => logging.AddProvider(Logs),
            Overrides = new Dictionary<string, string?>
            {
                ["Listeners:Proxy"] = "http://127.0.0.1:0",
                ["Listeners:Admin"] = "http://127.0.0.1:0",
                ["Logging:LogLevel:Default"] = "Information",
                ["Admin:Token"] = AdminToken,
                ["ReverseProxy:Clusters:openai:Destinations:primary:Address"] = _primary.BaseUri.ToString(),
                ["Shadowing:MaxCpuUtilization"] = "1",
                ["Shadowing:Routes:openai:SampleRate"] = "1",
                ["Shadowing:Routes:openai:NoiseReplicateRate"] = "0.5",
                ["Shadowing:Routes:openai:CaptureEvidence"] = "true",
                ["Shadowing:Routes:openai:Budget:RequestsPerMinute"] = "0",
                ["Shadowing:Routes:openai:Baseline:Address"] = _baseline.BaseUri.ToString(),
                ["Shadowing:Routes:openai:Baseline:Model"] = march.Model,
                ["Shadowing:Routes:openai:Baseline:ApiKey"] = "sk-baseline-key-for-tests-abcdef",
                ["Comparison:Prices:gpt-sim:InputPerMillion"] = "10",
                ["Comparison:Prices:gpt-sim:OutputPerMillion"] = "30",
                ["Drift:BucketDuration"] = "00:00:01",
                ["Drift:WindowBuckets"] = "120",
                ["Drift:EvaluateEvery"] = "00:00:00.5",
                ["Drift:FalseDriftInterval"] = "01:00:00",
                ["Drift:FalseWarningInterval"] = "00:10:00",
                ["Readiness:MinPairs"] = "100",
                ["Probes:Routes:openai:Enabled"] = "true",
                ["Probes:Routes:openai:Interval"] = "00:00:01",
                ["Probes:Routes:openai:PerRun"] = "6",
            },
        });
        await Gateway.StartAsync();
        using var client = new HttpClient { BaseAddress = Gateway.ProxyUri };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "sk-client-key-for-tests-123456");
        var random = new Random(5);

        // Enough pairs that the default, noise-relative readiness gate can pass an unchanged model: it needs the
        // agreement's lower bound within Tolerance (0.10) of the noise floor's upper bound, and at 200 pairs (about 100
        // replicates) the two 95% half-widths alone add up to about 0.15, so passing was luck.
        await SendAsync(client, random, RequestsBeforeSwap);
        var monitor = Gateway.Services.GetRequiredService<DriftMonitor>();
        await WaitUntilAsync(store => store.Count >= RequestsBeforeSwap);
        ReportBeforeSwitch = await monitor.RefreshAsync(CancellationToken.None);
        ReadinessBeforeSwitch = ReadinessGate.Evaluate(ReportBeforeSwitch, "openai", new ReadinessOptions { MinPairs = 100 });

        _primary.Profile = BuiltInProfiles.June with { TimeToFirstToken = TimeSpan.FromMilliseconds(5), TokenInterval = TimeSpan.Zero };
        await SendAsync(client, random, RequestsAfterSwap);
        await SendSecretAsync(client);

        // Probe pairs count in the store too, so a count alone can be reached before the planted pair is stored.
        await WaitUntilAsync(store => store.Count >= RequestsBeforeSwap + RequestsAfterSwap + 1 && store.Recent.Any(IsPlanted));
        FinalReport = await WaitForDriftAsync(monitor);
    }

    internal HttpClient AdminClient(string? token = AdminToken)
    {
        var client = new HttpClient { BaseAddress = Gateway.AdminUri };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>The demo's prompt mix in waves of ten every 200 ms (~50 requests a second); every request must succeed.</summary>
    internal static async Task SendAsync(HttpClient client, Random random, int count)
    {
        // ~50 requests a second, so the traffic spans several one-second drift buckets.
        for (var sent = 0; sent < count; sent += 10)
        {
            var batch = Enumerable.Range(0, 10).Select(async _ =>
            {
                using var response = await client.PostAsync("v1/chat/completions", DemoRequestBody.Create(DemoPromptMix.Next(random), "gpt-4o"));
                response.EnsureSuccessStatusCode();
            });
            await Task.WhenAll([.. batch, Task.Delay(200)]);
        }
    }

    private static async Task SendSecretAsync(HttpClient client)
    {
        var request = new DemoRequest($"My key is {PlantedSecret} and my email is ada@example.com. Is 7919 a prime number? Answer [Yes] or [No].", Stream: false);
        using var response = await client.PostAsync("v1/chat/completions", DemoRequestBody.Create(request, "gpt-4o"));
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The pair that <see cref="SendSecretAsync"/> planted, as stored (redacted).</summary>
    internal static bool IsPlanted(PairRecord pair) => pair.PromptText?.Contains("my email is", StringComparison.Ordinal) == true;

    private async Task WaitUntilAsync(Func<InMemoryPairStore, bool> done)
    {
        var store = Gateway.Services.GetRequiredService<InMemoryPairStore>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!done(store))
        {
            await Task.Delay(100, timeout.Token);
        }
    }

    private static async Task<DriftReport> WaitForDriftAsync(DriftMonitor monitor)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var report = await monitor.RefreshAsync(CancellationToken.None);
            var drifting = report.Keys.SelectMany(k => k.Metrics).Where(m => m.State == DriftState.Drift).Select(m => m.Name).ToHashSet();
            if (drifting.IsSupersetOf(["code_fenced", "length_log_ratio", "answer_disagreement", "refusal"]) || timeout.IsCancellationRequested)
            {
                return report;
            }

            await Task.Delay(250, CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await _primary.DisposeAsync();
        await _baseline.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class DriftedGatewayGroup : ICollectionFixture<DriftedGatewayFixture>
{
    public const string Name = "drifted gateway";
}
