using ShadowProxy.Gateway.Hosting;
using ShadowProxy.Simulator.Hosting;
using ShadowProxy.Simulator.Profiles;
using ShadowProxy.Yarp.Pairs;
using ShadowProxy.Yarp.Shadowing.Accounting;
using ShadowProxy.Yarp.Shadowing.Sampling;

namespace ShadowProxy.Gateway.Tests.Infrastructure;

/// <summary>
/// The README's Anthropic route (`/anthropic/{**path}`, prefix removed) in front of a simulated Anthropic primary,
/// shadowed to a simulated Anthropic baseline with its own key in `x-api-key`.
/// </summary>
internal sealed class AnthropicSetup : IAsyncDisposable
{
    public const string Route = "anthropic";
    public const string PinnedModel = "claude-pinned-20250514";
    public const string BaselineKey = "sk-ant-baseline-secret";

    private AnthropicSetup(SimulatorServer primary, SimulatorServer baseline, GatewayApp gateway)
    {
        Primary = primary;
        Baseline = baseline;
        Gateway = gateway;
    }

    public SimulatorServer Primary { get; }

    public SimulatorServer Baseline { get; }

    public GatewayApp Gateway { get; }

    /// <summary>What an Anthropic SDK is given as its base URL.</summary>
    public Uri BaseUrl => new(Gateway.ProxyUri, "anthropic");

    public ShadowAccounting Accounting => Gateway.Services.GetRequiredService<ShadowAccounting>();

    public InMemoryPairStore Pairs => Gateway.Services.GetRequiredService<InMemoryPairStore>();

    public static async Task<AnthropicSetup> StartAsync(SimulatorProfile? primaryProfile = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var primary = await SimulatorServer.StartAsync(new SimulatorOptions { Profile = primaryProfile ?? BuiltInProfiles.Instant }, TestContext.Current.CancellationToken);
        var baseline = await SimulatorServer.StartAsync(new SimulatorOptions { Profile = BuiltInProfiles.Instant }, TestContext.Current.CancellationToken);
        var config = new Dictionary<string, string?>
        {
            ["ReverseProxy:Clusters:anthropic:Destinations:primary:Address"] = primary.BaseUri.ToString(),
            [$"Shadowing:Routes:{Route}:SampleRate"] = "1",
            [$"Shadowing:Routes:{Route}:NoiseReplicateRate"] = "0",
            [$"Shadowing:Routes:{Route}:Baseline:Address"] = baseline.BaseUri.ToString(),
            [$"Shadowing:Routes:{Route}:Baseline:Model"] = PinnedModel,
            [$"Shadowing:Routes:{Route}:Baseline:ApiKey"] = BaselineKey,
            [$"Shadowing:Routes:{Route}:Baseline:ApiKeyHeader"] = "x-api-key",
            [$"Shadowing:Routes:{Route}:CaptureEvidence"] = "true",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        return new AnthropicSetup(primary, baseline, await TestGateway.StartAsync(FreePort.ClosedLoopbackUri(), config));
    }

    public long Sampled => Accounting.Decisions(Route, ShadowDecision.Sampled);

    public Task WaitForAccountingAsync() => ShadowSetup.WaitForAccountingAsync(Accounting, () => Sampled, route: Route);

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Baseline.DisposeAsync();
        await Primary.DisposeAsync();
    }
}
