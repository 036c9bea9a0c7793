using ShadowProxy.Gateway.Tests.Infrastructure;
using ShadowProxy.Gateway.Tests.Shadowing;
using ShadowProxy.Simulator.Profiles;
using ShadowProxy.Yarp.Shadowing.Accounting;

namespace ShadowProxy.Gateway.Tests.Reliability;

public sealed class ShutdownTests
{
    [Fact]
    public async Task Shutdown_GivesEveryQueuedAndInFlightSampleItsOneOutcome()
    {
        await using var setup = await ShadowSetup.StartAsync(BuiltInProfiles.Instant with { TimeToFirstToken = TimeSpan.FromSeconds(30) }, new Dictionary<string, string?>
        {
            ["Shadowing:Workers"] = "2",
            ["Shadowing:ShutdownGrace"] = "00:00:01",
            ["Shadowing:Routes:openai:Baseline:Timeout"] = "00:01:00",
        });
        using var client = setup.Gateway.ProxyClient();
        for (var i = 0; i < 12; i++)
        {
            using var response = await client.SendAsync(BaselineRequestTests.Chat($$"""{"model":"m","messages":[{"role":"user","content":"q{{i}}"}]}"""), TestContext.Current.CancellationToken);
            Assert.True(response.IsSuccessStatusCode);
        }

        await setup.Gateway.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(12, setup.Sampled);
        Assert.Equal(12, setup.Accounting.TotalOutcomes(ShadowSetup.Route));
        Assert.True(setup.Accounting.Outcomes(ShadowSetup.Route, ShadowOutcome.DroppedShutdown) >= 8);
    }
}
