using ShadowProxy.Gateway.Hosting;
using ShadowProxy.Simulator.Hosting;
using ShadowProxy.Simulator.Profiles;
using ShadowProxy.Yarp.Pairs;
using ShadowProxy.Yarp.Shadowing.Accounting;
using ShadowProxy.Yarp.Shadowing.Sampling;

namespace ShadowProxy.Gateway.Tests.Infrastructure;

/// <summary>A gateway shadowing route `openai` from a scripted primary to a simulated (or absent) baseline.</summary>
internal sealed class ShadowSetup : IAsyncDisposable
{
    public const string Route = "openai";
    public const string PinnedModel = "gpt-pinned-0314";
    public const string BaselineKey = "sk-baseline-secret";

    private ShadowSetup(TestUpstream primary, SimulatorServer? baseline, GatewayApp gateway)
    {
        Primary = primary;
        Baseline = baseline;
        Gateway = gateway;
    }

    public TestUpstream Primary { get; }

    public SimulatorServer? Baseline { get; }

    public GatewayApp Gateway { get; }

    public ShadowAccounting Accounting => Gateway.Services.GetRequiredService<ShadowAccounting>();

    public InMemoryPairStore Pairs => Gateway.Services.GetRequiredService<InMemoryPairStore>();

    public long Sampled => Accounting.Decisions(Route, ShadowDecision.Sampled) + Accounting.Decisions(Route, ShadowDecision.Probe);

    /// <param name="baselineProfile">Null: a baseline address where nothing listens.</param>
    /// <param name="settings">Config overrides on top of the shadowing defaults.</param>
    public static async Task<ShadowSetup> StartAsync(SimulatorProfile? baselineProfile, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var primary = await TestUpstream.StartAsync();
        var baseline = baselineProfile is null ? null
            : await SimulatorServer.StartAsync(new SimulatorOptions { Profile = baselineProfile }, TestContext.Current.CancellationToken);
        var config = Settings(baseline?.BaseUri ?? FreePort.ClosedLoopbackUri(), settings);
        return new ShadowSetup(primary, baseline, await TestGateway.StartAsync(primary.BaseUri, config));
    }

    /// <summary>Route `openai` shadowing every request to <paramref name="baseline"/>, plus <paramref name="overrides"/>.</summary>
    public static Dictionary<string, string?> Settings(Uri baseline, IReadOnlyDictionary<string, string?>? overrides)
    {
        var config = new Dictionary<string, string?>
        {
            [$"Shadowing:Routes:{Route}:SampleRate"] = "1",
            [$"Shadowing:Routes:{Route}:NoiseReplicateRate"] = "0",
            [$"Shadowing:Routes:{Route}:Baseline:Address"] = baseline.ToString(),
            [$"Shadowing:Routes:{Route}:Baseline:Model"] = PinnedModel,
            [$"Shadowing:Routes:{Route}:Baseline:ApiKey"] = BaselineKey,
            [$"Shadowing:Routes:{Route}:Baseline:Timeout"] = "00:00:02",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        return config;
    }

    /// <summary>Waits until every sampled request has its outcome (the shadow work is asynchronous).</summary>
    public Task WaitForAccountingAsync(TimeSpan? limit = null) => WaitForAccountingAsync(Accounting, () => Sampled, limit);

    public static Task WaitForAccountingAsync(ShadowAccounting accounting, Func<long> sampled, TimeSpan? limit = null, string route = Route) =>
        Eventually.TrueAsync(
            () => Task.FromResult(accounting.TotalOutcomes(route) >= sampled()), limit ?? TimeSpan.FromSeconds(30),
            () => $"an outcome for every sampled request: {sampled()} sampled, {accounting.TotalOutcomes(route)} outcomes");

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        if (Baseline is not null)
        {
            await Baseline.DisposeAsync();
        }

        await Primary.DisposeAsync();
    }
}
