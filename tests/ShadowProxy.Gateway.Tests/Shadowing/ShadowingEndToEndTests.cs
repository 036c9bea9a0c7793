using System.Text;
using ShadowProxy.Gateway.Tests.Infrastructure;
using ShadowProxy.Simulator.Profiles;
using ShadowProxy.Yarp.Shadowing.Accounting;
using ShadowProxy.Yarp.Shadowing.Sampling;

namespace ShadowProxy.Gateway.Tests.Shadowing;

public sealed class ShadowingEndToEndTests
{
    [Fact]
    public async Task OptOutIneligibleAndOversized_ReachOnlyThePrimary()
    {
        await using var setup = await ShadowSetup.StartAsync(BuiltInProfiles.Instant, new Dictionary<string, string?>
        {
            ["Shadowing:Routes:openai:MaxRequestBodyBytes"] = "2048",
        });
        using var client = setup.Gateway.ProxyClient();
        using var optOut = BaselineRequestTests.Chat("""{"model":"m","messages":[]}""");
        optOut.Headers.Add("x-shadowproxy-shadow", "off");
        var big = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"" + new string('x', 4096) + "\"}]}";

        using var r1 = await client.SendAsync(optOut, TestContext.Current.CancellationToken);
        using var r2 = await client.SendAsync(BaselineRequestTests.Chat(big), TestContext.Current.CancellationToken);
        using var r3 = await client.PostAsync("v1/echo/files", new StringContent("{}"), TestContext.Current.CancellationToken);
        await Task.Delay(300, TestContext.Current.CancellationToken);

        Assert.All(new[] { r1, r2, r3 }, r => Assert.True(r.IsSuccessStatusCode));
        Assert.Equal(TestUpstream.CannedChat, await r2.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Empty(setup.Baseline!.Journal.Entries);
        Assert.Equal(1, setup.Accounting.Decisions(ShadowSetup.Route, ShadowDecision.OptedOut));
        Assert.Equal(1, setup.Accounting.Decisions(ShadowSetup.Route, ShadowDecision.BodyTooLarge));
        Assert.Equal(1, setup.Accounting.Decisions(ShadowSetup.Route, ShadowDecision.Ineligible));
        Assert.Equal(0, setup.Sampled);
    }

    [Fact]
    public async Task ForgedProbeHeader_IsIgnoredAndNeverForwarded()
    {
        await using var setup = await ShadowSetup.StartAsync(BuiltInProfiles.Instant, new Dictionary<string, string?> { ["Shadowing:Routes:openai:SampleRate"] = "0" });
        using var client = setup.Gateway.ProxyClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/echo/chat/completions") { Content = new StringContent("{\"model\":\"m\"}") };
        request.Headers.Add("x-shadowproxy-probe", "0123456789abcdef0123456789abcdef:0123456789abcdef");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        await Task.Delay(200, TestContext.Current.CancellationToken);

        Assert.Equal("no", response.Headers.GetValues("x-upstream-saw-probe-header").Single());
        Assert.Equal(0, setup.Accounting.Decisions(ShadowSetup.Route, ShadowDecision.Probe));
        Assert.Empty(setup.Baseline!.Journal.Entries);
    }

    [Fact]
    public async Task ChunkedBodyOverTheLimit_IsForwardedWhole_AndCountedTruncated()
    {
        await using var setup = await ShadowSetup.StartAsync(BuiltInProfiles.Instant, new Dictionary<string, string?>
        {
            ["Shadowing:Routes:openai:MaxRequestBodyBytes"] = "2048",
        });
        using var client = setup.Gateway.ProxyClient();
        var big = Encoding.UTF8.GetBytes("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"" + new string('y', 50_000) + "\"}]}");
        using var content = new StreamContent(new MemoryStream(big));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/echo/chat/completions") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        await setup.WaitForAccountingAsync();

        Assert.Equal(big, await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(1, setup.Accounting.Outcomes(ShadowSetup.Route, ShadowOutcome.CaptureTruncated));
        Assert.Empty(setup.Baseline!.Journal.Entries);
    }

    [Fact]
    public async Task QueueSaturation_DropsAndCounts_WithoutGrowingMemory()
    {
        await using var setup = await ShadowSetup.StartAsync(BuiltInProfiles.Instant with { TimeToFirstToken = TimeSpan.FromSeconds(30) }, new Dictionary<string, string?>
        {
            ["Shadowing:QueueCapacity"] = "4",
            ["Shadowing:Workers"] = "1",
            ["Shadowing:Routes:openai:Baseline:Timeout"] = "00:00:30",
        });
        using var client = setup.Gateway.ProxyClient();
        var body = """{"model":"m","messages":[{"role":"user","content":"hi"}]}""";
        await SendManyAsync(client, body, 200);
        var before = HeapAfterCollection();

        await SendManyAsync(client, body, 1_000);
        var after = HeapAfterCollection();

        var dropped = setup.Accounting.Outcomes(ShadowSetup.Route, ShadowOutcome.DroppedQueueFull);
        Assert.True(dropped >= 1_190, $"dropped {dropped}");
        Assert.True(after - before < 32 * 1024 * 1024, $"heap grew by {(after - before) / 1024 / 1024} MiB");
    }

    private static async Task SendManyAsync(HttpClient client, string body, int count)
    {
        for (var i = 0; i < count; i += 20)
        {
            var batch = Enumerable.Range(0, 20).Select(async _ =>
            {
                using var response = await client.SendAsync(BaselineRequestTests.Chat(body), TestContext.Current.CancellationToken);
                Assert.Equal(TestUpstream.CannedChat, await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
            });
            await Task.WhenAll(batch);
        }
    }

    private static long HeapAfterCollection()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
