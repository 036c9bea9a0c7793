using ShadowProxy.Gateway.Hosting;
using ShadowProxy.Yarp.Pairs;
using ShadowProxy.Yarp.Shadowing.Accounting;
using ShadowProxy.Yarp.Shadowing.Sampling;

namespace ShadowProxy.Gateway.Tests.Infrastructure;

/// <summary>A gateway whose primary and baseline are both <see cref="RecordingUpstream"/>s, so a test sees exactly what each received.</summary>
internal sealed class RecordingSetup : IAsyncDisposable
{
    public const string Route = ShadowSetup.Route;

    private RecordingSetup(RecordingUpstream primary, RecordingUpstream baseline, GatewayApp gateway)
    {
        Primary = primary;
        Baseline = baseline;
        Gateway = gateway;
    }

    public RecordingUpstream Primary { get; }

    public RecordingUpstream Baseline { get; }

    public GatewayApp Gateway { get; }

    public ShadowAccounting Accounting => Gateway.Services.GetRequiredService<ShadowAccounting>();

    public InMemoryPairStore Pairs => Gateway.Services.GetRequiredService<InMemoryPairStore>();

    public long Sampled => Accounting.Decisions(Route, ShadowDecision.Sampled);

    /// <param name="settings">Config overrides on top of the shadowing defaults.</param>
    /// <param name="baselinePath">Appended to the baseline's address, e.g. `tenant-a/` to give it a path prefix.</param>
    public static async Task<RecordingSetup> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, string baselinePath = "")
    {
        var primary = await RecordingUpstream.StartAsync();
        var baseline = await RecordingUpstream.StartAsync();
        var config = ShadowSetup.Settings(new Uri(baseline.BaseUri, baselinePath), settings);
        return new RecordingSetup(primary, baseline, await TestGateway.StartAsync(primary.BaseUri, config));
    }

    public Task WaitForAccountingAsync() => ShadowSetup.WaitForAccountingAsync(Accounting, () => Sampled);

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Baseline.DisposeAsync();
        await Primary.DisposeAsync();
    }
}
