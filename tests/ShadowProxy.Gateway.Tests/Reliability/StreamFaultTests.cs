using ShadowProxy.Gateway.Tests.Infrastructure;
using ShadowProxy.Gateway.Tests.Shadowing;
using ShadowProxy.Simulator.Hosting;
using ShadowProxy.Simulator.Profiles;
using ShadowProxy.Yarp.Shadowing.Accounting;

namespace ShadowProxy.Gateway.Tests.Reliability;

public sealed class StreamFaultTests
{
    [Fact]
    public async Task PrimaryCutMidStream_EndsTheClientStreamPromptly_AndCountsPrimaryFailed()
    {
        var cutting = BuiltInProfiles.Instant with { TokenInterval = TimeSpan.FromMilliseconds(5), Faults = new FaultProfile { CutStream = 1 } };
        await using var primary = await SimulatorServer.StartAsync(new SimulatorOptions { Profile = cutting }, TestContext.Current.CancellationToken);
        await using var baseline = await SimulatorServer.StartAsync(new SimulatorOptions { Profile = BuiltInProfiles.Instant }, TestContext.Current.CancellationToken);
        await using var gateway = await TestGateway.StartAsync(primary.BaseUri, new Dictionary<string, string?>
        {
            ["Shadowing:Routes:openai:SampleRate"] = "1",
            ["Shadowing:Routes:openai:Baseline:Address"] = baseline.BaseUri.ToString(),
            ["Shadowing:Routes:openai:Baseline:Model"] = "pinned",
        });
        using var client = gateway.ProxyClient();
        var body = """{"model":"m","stream":true,"messages":[{"role":"user","content":"Suggest a name for a coffee shop."}]}""";

        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var failure = await Record.ExceptionAsync(async () =>
        {
            using var response = await client.SendAsync(BaselineRequestTests.Chat(body), HttpCompletionOption.ResponseHeadersRead, limit.Token);
            var text = await response.Content.ReadAsStringAsync(limit.Token);
            Assert.DoesNotContain("[DONE]", text, StringComparison.Ordinal);
        });

        Assert.False(limit.IsCancellationRequested, "the client stream hung");
        Assert.True(failure is null or HttpRequestException or HttpIOException or IOException, failure?.ToString());
        var accounting = gateway.Services.GetRequiredService<ShadowAccounting>();
        await Eventually.TrueAsync(() => accounting.TotalOutcomes("openai") == 1, TimeSpan.FromSeconds(20), "the cut stream's outcome");
        Assert.Equal(1, accounting.Outcomes("openai", ShadowOutcome.PrimaryFailed));
        Assert.Empty(baseline.Journal.Entries);
    }

    [Fact]
    public async Task ClientAbortMidStream_CancelsTheUpstream_AndCountsPrimaryFailed()
    {
        await using var setup = await ShadowSetup.StartAsync(BuiltInProfiles.Instant);
        using var client = setup.Gateway.ProxyClient();

        using (var response = await client.SendAsync(
            new HttpRequestMessage(HttpMethod.Post, "v1/slow/chat/completions") { Content = new StringContent("""{"model":"m","stream":true,"messages":[]}""") },
            HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken))
        {
            await using var stream = await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
            Assert.True(await stream.ReadAsync(new byte[64], TestContext.Current.CancellationToken) > 0);
        }

        var aborted = await Task.WhenAny(setup.Primary.SlowStreamAborted.Task, Task.Delay(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken));
        Assert.Same(setup.Primary.SlowStreamAborted.Task, aborted);
        await setup.WaitForAccountingAsync();
        Assert.Equal(1, setup.Accounting.Outcomes(ShadowSetup.Route, ShadowOutcome.PrimaryFailed));
    }
}
