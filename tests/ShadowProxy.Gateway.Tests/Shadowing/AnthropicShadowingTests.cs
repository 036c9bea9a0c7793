using System.Net;
using System.Text;
using System.Text.Json;
using ShadowProxy.Core.Exchanges;
using ShadowProxy.Gateway.Tests.Infrastructure;
using ShadowProxy.Yarp.Shadowing.Accounting;
using ShadowProxy.Yarp.Shadowing.Sampling;

namespace ShadowProxy.Gateway.Tests.Shadowing;

/// <summary>
/// Anthropic Messages on the README's `/anthropic` route, in Anthropic's own wire format (JSON and named-event SSE):
/// forwarded untouched, shadowed to a pinned Anthropic baseline with its own key, and compared like chat.
/// </summary>
public sealed class AnthropicShadowingTests
{
    private const string ClientKey = "sk-ant-client-secret";
    private const string Question = "Is 7919 a prime number? Think step by step and then answer [Yes] or [No].";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Messages_AreForwardedUntouched_AndComparedAgainstThePinnedBaseline(bool stream)
    {
        await using var setup = await AnthropicSetup.StartAsync();
        using var client = setup.Gateway.ProxyClient();

        using var response = await client.SendAsync(Messages(Body(stream)), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        await setup.WaitForAccountingAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(stream ? "event: message_stop" : "\"type\":\"message\"", body, StringComparison.Ordinal);
        var upstream = Assert.Single(setup.Primary.Journal.Entries);
        Assert.Equal("/v1/messages", upstream.Path);
        Assert.Equal(ClientKey, upstream.Headers["x-api-key"]);
        Assert.Equal(1, setup.Accounting.Outcomes(AnthropicSetup.Route, ShadowOutcome.Paired));
        var pair = Assert.Single(setup.Pairs.Recent);
        Assert.Equal(OperationKind.Messages, pair.Operation);
        Assert.Equal(Core.Comparison.AnswerAgreement.Agree, pair.Comparison.Agreement);
        Assert.Matches(@"\[(Yes|No)\]$", pair.PrimaryText);
        Assert.Equal(AnthropicSetup.PinnedModel, JsonDocument.Parse(Assert.Single(setup.Baseline.Journal.Entries).Body).RootElement.GetProperty("model").GetString());
        Assert.True(pair.PrimaryUsage!.CompletionTokens > 0);
    }

    [Fact]
    public async Task OperationsNamingMessages_IsAccepted_AndShadowsOnlyMessages()
    {
        await using var setup = await AnthropicSetup.StartAsync(settings: new Dictionary<string, string?>
        {
            [$"Shadowing:Routes:{AnthropicSetup.Route}:Operations:0"] = "messages",
        });
        using var client = setup.Gateway.ProxyClient();

        using var response = await client.SendAsync(Messages(Body(stream: false)), TestContext.Current.CancellationToken);
        await setup.WaitForAccountingAsync();

        Assert.Equal(1, setup.Accounting.Outcomes(AnthropicSetup.Route, ShadowOutcome.Paired));
    }

    [Fact]
    public async Task TheBaseline_GetsItsOwnKeyAndAVersion_NeverTheClientsCredentials()
    {
        await using var setup = await AnthropicSetup.StartAsync();
        using var client = setup.Gateway.ProxyClient();

        using var response = await client.SendAsync(Messages(Body(stream: false), beta: "tools-2024-04-04"), TestContext.Current.CancellationToken);
        await setup.WaitForAccountingAsync();

        var baseline = Assert.Single(setup.Baseline.Journal.Entries);
        Assert.Equal("/v1/messages", baseline.Path);
        Assert.Equal(AnthropicSetup.BaselineKey, baseline.Headers["x-api-key"]);
        Assert.Equal("2023-06-01", baseline.Headers["anthropic-version"]);
        Assert.False(baseline.Headers.ContainsKey("anthropic-beta"));
        Assert.False(baseline.Headers.ContainsKey("Authorization"));
        Assert.DoesNotContain(baseline.Headers.Values, v => v.Contains(ClientKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task BaselineHeaders_AreSentOnEveryCopy()
    {
        await using var setup = await AnthropicSetup.StartAsync(settings: new Dictionary<string, string?>
        {
            [$"Shadowing:Routes:{AnthropicSetup.Route}:Baseline:Headers:anthropic-version"] = "2024-01-01",
            [$"Shadowing:Routes:{AnthropicSetup.Route}:Baseline:Headers:anthropic-beta"] = "output-128k-2025-02-19",
        });
        using var client = setup.Gateway.ProxyClient();

        using var response = await client.SendAsync(Messages(Body(stream: false)), TestContext.Current.CancellationToken);
        await setup.WaitForAccountingAsync();

        var baseline = Assert.Single(setup.Baseline.Journal.Entries);
        Assert.Equal("2024-01-01", baseline.Headers["anthropic-version"]);
        Assert.Equal("output-128k-2025-02-19", baseline.Headers["anthropic-beta"]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ToolUse_IsComparedAsToolCalls(bool stream)
    {
        await using var setup = await AnthropicSetup.StartAsync();
        using var client = setup.Gateway.ProxyClient();
        var body = $$$"""
            {"model":"claude-sonnet-4-5","max_tokens":512,"stream":{{{(stream ? "true" : "false")}}},
             "tools":[{"name":"get_weather","input_schema":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}],
             "messages":[{"role":"user","content":"What is the weather in Paris?"}]}
            """;

        using var response = await client.SendAsync(Messages(body), TestContext.Current.CancellationToken);
        await setup.WaitForAccountingAsync();

        var pair = Assert.Single(setup.Pairs.Recent);
        Assert.True(pair.Comparison.ToolsOffered);
        Assert.True(pair.Comparison.ToolNamesEqual);
        Assert.True(pair.Comparison.ToolArgumentsEqual);
        Assert.Equal("tool_calls", pair.PrimaryFinishReason);
    }

    [Fact]
    public async Task CountTokens_GoesToTheAnthropicUpstream_AndIsNotShadowed()
    {
        await using var setup = await AnthropicSetup.StartAsync();
        using var client = setup.Gateway.ProxyClient();

        using var response = await client.SendAsync(Messages(Body(stream: false), path: "anthropic/v1/messages/count_tokens"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("input_tokens", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal("/v1/messages/count_tokens", Assert.Single(setup.Primary.Journal.Entries).Path);
        Assert.Equal(1, setup.Accounting.Decisions(AnthropicSetup.Route, ShadowDecision.Ineligible));
        Assert.Empty(setup.Baseline.Journal.Entries);
    }

    [Fact]
    public async Task GatewayErrors_OnTheAnthropicRoute_ComeInAnthropicsShape()
    {
        await using var setup = await AnthropicSetup.StartAsync(settings: new Dictionary<string, string?>
        {
            ["ReverseProxy:Clusters:anthropic:Destinations:primary:Address"] = FreePort.ClosedLoopbackUri().ToString(),
        });
        using var client = setup.Gateway.ProxyClient();

        using var response = await client.SendAsync(Messages(Body(stream: false)), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("error", error.RootElement.GetProperty("type").GetString());
        Assert.Equal("api_error", error.RootElement.GetProperty("error").GetProperty("type").GetString());
        Assert.Equal(1, setup.Accounting.Outcomes(AnthropicSetup.Route, ShadowOutcome.PrimaryFailed));
    }

    [Fact]
    public async Task ProviderErrors_PassThroughInAnthropicsShape_AndAreNotMirrored()
    {
        var failing = Simulator.Profiles.BuiltInProfiles.Instant with { Faults = Simulator.Profiles.FaultProfile.Always(Simulator.Profiles.FaultKind.RateLimited) };
        await using var setup = await AnthropicSetup.StartAsync(failing);
        using var client = setup.Gateway.ProxyClient();

        using var response = await client.SendAsync(Messages(Body(stream: false)), TestContext.Current.CancellationToken);
        await setup.WaitForAccountingAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("rate_limit_error", error.RootElement.GetProperty("error").GetProperty("type").GetString());
        Assert.Equal(1, setup.Accounting.Outcomes(AnthropicSetup.Route, ShadowOutcome.PrimaryClientError));
        Assert.Empty(setup.Baseline.Journal.Entries);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("true", true)]
    public async Task XForwardedHeaders_AreOffTowardsProviders_UnlessTurnedOn(string? setting, bool expected)
    {
        await using var setup = await AnthropicSetup.StartAsync(settings: new Dictionary<string, string?> { ["Upstream:ForwardedHeaders"] = setting });
        using var client = setup.Gateway.ProxyClient();

        using var response = await client.SendAsync(Messages(Body(stream: false)), TestContext.Current.CancellationToken);

        var headers = Assert.Single(setup.Primary.Journal.Entries).Headers;
        Assert.Equal(expected, headers.ContainsKey("X-Forwarded-For"));
        Assert.Equal(expected, headers.ContainsKey("X-Forwarded-Host"));
    }

    [Theory]
    [InlineData("/anthropic/v1/messages", null, true)]
    [InlineData("/v1/messages/count_tokens", null, true)]
    [InlineData("/v1/messages/batches/msgbatch_1", null, true)]
    [InlineData("/v1/models", "2023-06-01", true)]
    [InlineData("/v1/threads/thread_1/messages", null, false)]
    [InlineData("/v1/threads/thread_1/messages/msg_1", null, false)]
    [InlineData("/v1/chat/completions", null, false)]
    public void GatewayErrorShape_FollowsTheCaller(string path, string? version, bool anthropic)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = path;
        if (version is not null)
        {
            context.Request.Headers["anthropic-version"] = version;
        }

        Assert.Equal(anthropic, Yarp.Proxy.GatewayError.IsAnthropic(context.Request));
    }

    private static string Body(bool stream) =>
        $$"""{"model":"claude-sonnet-4-5","max_tokens":1024,"stream":{{(stream ? "true" : "false")}},"messages":[{"role":"user","content":"{{Question}}"}]}""";

    private static HttpRequestMessage Messages(string body, string? beta = null, string path = "anthropic/v1/messages")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("x-api-key", ClientKey);
        request.Headers.Add("anthropic-version", "2023-06-01");
        if (beta is not null)
        {
            request.Headers.Add("anthropic-beta", beta);
        }

        return request;
    }
}
