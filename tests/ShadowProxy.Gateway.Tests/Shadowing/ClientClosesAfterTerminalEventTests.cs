using System.Text;
using ShadowProxy.Gateway.Tests.Infrastructure;
using ShadowProxy.Simulator.Hosting;
using ShadowProxy.Simulator.Profiles;
using ShadowProxy.Yarp.Shadowing.Accounting;

namespace ShadowProxy.Gateway.Tests.Shadowing;

/// <summary>
/// Clients such as the openai npm SDK stop reading at a stream's terminal event and close the connection. When the
/// upstream holds its body open a little longer (its end has not passed through yet), the pair is still complete.
/// </summary>
public sealed class ClientClosesAfterTerminalEventTests
{
    private static readonly SimulatorProfile Lagging = BuiltInProfiles.Instant with { TailDelay = TimeSpan.FromSeconds(5) };

    [Theory]
    [InlineData("v1/chat/completions", """{"model":"gpt-4o","stream":true,"messages":[{"role":"user","content":"Is 7919 prime? Answer [Yes] or [No]."}]}""", "data: [DONE]")]
    [InlineData("v1/responses", """{"model":"gpt-4o","stream":true,"input":"Is 7919 prime? Answer [Yes] or [No]."}""", "event: response.completed")]
    public async Task OpenAiStreams_ClosedAfterTheirTerminalEvent_AreCompared(string path, string body, string terminal)
    {
        await using var primary = await SimulatorServer.StartAsync(new SimulatorOptions { Profile = Lagging }, TestContext.Current.CancellationToken);
        await using var baseline = await SimulatorServer.StartAsync(new SimulatorOptions { Profile = BuiltInProfiles.Instant }, TestContext.Current.CancellationToken);
        await using var gateway = await TestGateway.StartAsync(primary.BaseUri, ShadowSetup.Settings(baseline.BaseUri, null));
        var accounting = gateway.Services.GetRequiredService<ShadowAccounting>();

        await ReadUntilAndCloseAsync(gateway, path, body, terminal, request => request.Headers.Add("Authorization", "Bearer sk-client"));
        await ShadowSetup.WaitForAccountingAsync(accounting, () => 1);

        Assert.Equal(1, accounting.Outcomes(ShadowSetup.Route, ShadowOutcome.Paired));
        Assert.Equal(0, accounting.Outcomes(ShadowSetup.Route, ShadowOutcome.PrimaryFailed));
    }

    [Fact]
    public async Task AnthropicStream_ClosedAfterMessageStop_IsCompared()
    {
        await using var setup = await AnthropicSetup.StartAsync(Lagging);

        await ReadUntilAndCloseAsync(
            setup.Gateway, "anthropic/v1/messages",
            """{"model":"claude-sonnet-4-5","max_tokens":256,"stream":true,"messages":[{"role":"user","content":"Is 7919 prime? Answer [Yes] or [No]."}]}""",
            "event: message_stop", request => request.Headers.Add("x-api-key", "sk-ant-client"));
        await setup.WaitForAccountingAsync();

        Assert.Equal(1, setup.Accounting.Outcomes(AnthropicSetup.Route, ShadowOutcome.Paired));
    }

    [Fact]
    public async Task StreamClosedBeforeItsTerminalEvent_IsStillAPrimaryFailure()
    {
        var slow = BuiltInProfiles.Instant with { TokenInterval = TimeSpan.FromMilliseconds(200) };
        await using var primary = await SimulatorServer.StartAsync(new SimulatorOptions { Profile = slow }, TestContext.Current.CancellationToken);
        await using var baseline = await SimulatorServer.StartAsync(new SimulatorOptions { Profile = BuiltInProfiles.Instant }, TestContext.Current.CancellationToken);
        await using var gateway = await TestGateway.StartAsync(primary.BaseUri, ShadowSetup.Settings(baseline.BaseUri, null));
        var accounting = gateway.Services.GetRequiredService<ShadowAccounting>();

        // The first chunk carries the role; closing there leaves the answer unfinished.
        await ReadUntilAndCloseAsync(gateway, "v1/chat/completions",
            """{"model":"gpt-4o","stream":true,"messages":[{"role":"user","content":"Is 7919 prime? Answer [Yes] or [No]."}]}""", "\"role\":\"assistant\"", _ => { });
        await ShadowSetup.WaitForAccountingAsync(accounting, () => 1);

        Assert.Equal(1, accounting.Outcomes(ShadowSetup.Route, ShadowOutcome.PrimaryFailed));
    }

    /// <summary>Reads the stream until <paramref name="terminal"/> appears, then drops the connection as the SDKs do.</summary>
    private static async Task ReadUntilAndCloseAsync(Gateway.Hosting.GatewayApp gateway, string path, string body, string terminal, Action<HttpRequestMessage> credentials)
    {
        using var client = gateway.ProxyClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        credentials(request);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        await using var stream = await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
        var seen = new StringBuilder();
        var buffer = new byte[4096];
        while (!seen.ToString().Contains(terminal, StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, TestContext.Current.CancellationToken);
            Assert.True(read > 0, $"the stream ended before '{terminal}': {seen}");
            seen.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }
    }
}
