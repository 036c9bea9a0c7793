using ShadowProxy.Gateway.Tests.Infrastructure;
using ShadowProxy.Simulator.Hosting;
using ShadowProxy.Simulator.Profiles;

namespace ShadowProxy.Gateway.Tests.Probes;

public sealed class ProbeShutdownTests
{
    [Fact]
    public async Task ProbeInFlightAtShutdown_IsNotLoggedAsAFailure()
    {
        var hanging = BuiltInProfiles.Instant with { Faults = new FaultProfile { Hang = 1 } };
        await using var primary = await SimulatorServer.StartAsync(new SimulatorOptions { Profile = hanging }, TestContext.Current.CancellationToken);
        await using var baseline = await SimulatorServer.StartAsync(new SimulatorOptions { Profile = BuiltInProfiles.Instant }, TestContext.Current.CancellationToken);
        var logs = new CapturingLoggerProvider();
        await using var gateway = await TestGateway.StartAsync(primary.BaseUri, new Dictionary<string, string?>
        {
            ["Shadowing:Routes:openai:SampleRate"] = "1",
            ["Shadowing:Routes:openai:Baseline:Address"] = baseline.BaseUri.ToString(),
            ["Shadowing:Routes:openai:Baseline:Model"] = "pinned",
            ["Probes:Routes:openai:Enabled"] = "true",
            ["Probes:Routes:openai:Interval"] = "00:00:01",
            ["Probes:Routes:openai:PerRun"] = "1",
            ["Probes:Routes:openai:Model"] = "m",
        }, logs);

        await Eventually.TrueAsync(() => primary.Journal.Count > 0, TimeSpan.FromSeconds(20), "a probe reaching the primary");

        await gateway.StopAsync(TestContext.Current.CancellationToken);

        Assert.DoesNotContain(logs.Lines, line => line.Contains("[6001]", StringComparison.Ordinal));
    }
}
