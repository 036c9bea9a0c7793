using ShadowProxy.Gateway.Hosting;
using ShadowProxy.Simulator.Hosting;
using ShadowProxy.Simulator.Profiles;

namespace ShadowProxy.Gateway.Tests.Infrastructure;

/// <summary>A gateway in front of a simulated model: what a client test needs.</summary>
internal sealed class SimulatedGateway : IAsyncDisposable
{
    private SimulatedGateway(SimulatorServer primary, GatewayApp gateway)
    {
        Primary = primary;
        Gateway = gateway;
    }

    public SimulatorServer Primary { get; }

    public GatewayApp Gateway { get; }

    /// <summary>The base URL an OpenAI client is given: the gateway's proxy listener plus "v1".</summary>
    public Uri OpenAiBaseUrl => new(Gateway.ProxyUri, "v1");

    public static async Task<SimulatedGateway> StartAsync(SimulatorProfile? profile = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var primary = await SimulatorServer.StartAsync(new SimulatorOptions { Profile = profile ?? BuiltInProfiles.Instant }, TestContext.Current.CancellationToken);
        var gateway = await TestGateway.StartAsync(primary.BaseUri, settings);
        return new SimulatedGateway(primary, gateway);
    }

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Primary.DisposeAsync();
    }
}
