using System.Text;
using System.Text.Json;
using ShadowProxy.Core.Comparison;
using ShadowProxy.Gateway.Tests.Infrastructure;
using ShadowProxy.Simulator.Hosting;
using ShadowProxy.Simulator.Profiles;
using ShadowProxy.Yarp.Pairs;
using ShadowProxy.Yarp.Shadowing.Accounting;

namespace ShadowProxy.Gateway.Tests.Shadowing;

/// <summary>
/// A baseline pinned at another provider (`Baseline:Provider`): OpenAI chat traffic compared against a Claude model
/// over Anthropic's wire format, and the reverse. Both sides normalize to the same answer shape.
/// </summary>
public sealed class CrossProviderBaselineTests
{
    private const string Question = "Is 7919 a prime number? Think step by step and then answer [Yes] or [No].";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task OpenAiChat_ComparedAgainstAnAnthropicBaseline(bool stream)
    {
        await using var primary = await SimulatorServer.StartAsync(new SimulatorOptions { Profile = BuiltInProfiles.Instant }, TestContext.Current.CancellationToken);
        await using var baseline = await SimulatorServer.StartAsync(new SimulatorOptions { Profile = BuiltInProfiles.Instant }, TestContext.Current.CancellationToken);
        await using var gateway = await TestGateway.StartAsync(primary.BaseUri, ShadowSetup.Settings(baseline.BaseUri, new Dictionary<string, string?>
        {
            [$"Shadowing:Routes:{ShadowSetup.Route}:Baseline:Provider"] = "anthropic",
            [$"Shadowing:Routes:{ShadowSetup.Route}:Baseline:Model"] = "claude-pinned-20250514",
            [$"Shadowing:Routes:{ShadowSetup.Route}:Baseline:ApiKeyHeader"] = "x-api-key",
        }));
        using var client = gateway.ProxyClient();
        var body = $$"""{"model":"gpt-4o","stream":{{(stream ? "true" : "false")}},"messages":[{"role":"system","content":"Be careful."},{"role":"user","content":"{{Question}}"}]}""";

        using var response = await client.PostAsync("v1/chat/completions", new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        var accounting = gateway.Services.GetRequiredService<ShadowAccounting>();
        await ShadowSetup.WaitForAccountingAsync(accounting, () => 1);

        var sent = Assert.Single(baseline.Journal.Entries);
        Assert.Equal("/v1/messages", sent.Path);
        Assert.Equal("2023-06-01", sent.Headers["anthropic-version"]);
        Assert.Equal(ShadowSetup.BaselineKey, sent.Headers["x-api-key"]);
        using var copy = JsonDocument.Parse(sent.Body);
        Assert.Equal("Be careful.", copy.RootElement.GetProperty("system").GetString());
        Assert.Equal(4096, copy.RootElement.GetProperty("max_tokens").GetInt32()); // required by Messages; Baseline:MaxOutputTokens
        Assert.Equal(1, accounting.Outcomes(ShadowSetup.Route, ShadowOutcome.Paired));
        var pair = Assert.Single(gateway.Services.GetRequiredService<InMemoryPairStore>().Recent);
        Assert.Equal(AnswerAgreement.Agree, pair.Comparison.Agreement);
        Assert.Equal(pair.PrimaryFinishReason, pair.BaselineFinishReason);
        Assert.True(pair.BaselineUsage!.CompletionTokens > 0);
        using var admin = gateway.AdminClient();
        var metrics = await admin.GetStringAsync("/metrics", TestContext.Current.CancellationToken);
        Assert.Matches(@"gen_ai_client_operation_duration_seconds_count\{[^}]*gen_ai_provider_name=""anthropic""[^}]*shadowproxy_side=""baseline""", metrics);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AnthropicMessages_ComparedAgainstAnOpenAiBaseline(bool stream)
    {
        await using var setup = await AnthropicSetup.StartAsync(settings: new Dictionary<string, string?>
        {
            [$"Shadowing:Routes:{AnthropicSetup.Route}:Baseline:Provider"] = "openai",
            [$"Shadowing:Routes:{AnthropicSetup.Route}:Baseline:Model"] = "gpt-4o-2024-08-06",
            [$"Shadowing:Routes:{AnthropicSetup.Route}:Baseline:ApiKeyHeader"] = "Authorization",
        });
        using var client = setup.Gateway.ProxyClient();
        var body = $$"""{"model":"claude-sonnet-4-5","max_tokens":1024,"stream":{{(stream ? "true" : "false")}},"system":"Be careful.","messages":[{"role":"user","content":[{"type":"text","text":"{{Question}}"}]}]}""";
        using var request = new HttpRequestMessage(HttpMethod.Post, "anthropic/v1/messages") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("x-api-key", "sk-ant-client");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        await setup.WaitForAccountingAsync();

        var sent = Assert.Single(setup.Baseline.Journal.Entries);
        Assert.Equal("/v1/chat/completions", sent.Path);
        Assert.Equal($"Bearer {AnthropicSetup.BaselineKey}", sent.Headers["Authorization"]);
        Assert.False(sent.Headers.ContainsKey("anthropic-version"));
        using var copy = JsonDocument.Parse(sent.Body);
        Assert.Equal("system", copy.RootElement.GetProperty("messages")[0].GetProperty("role").GetString());
        Assert.Equal(stream, copy.RootElement.TryGetProperty("stream_options", out var options) && options.GetProperty("include_usage").GetBoolean());
        Assert.Equal(1, setup.Accounting.Outcomes(AnthropicSetup.Route, ShadowOutcome.Paired));
        var pair = Assert.Single(setup.Pairs.Recent);
        Assert.Equal(AnswerAgreement.Agree, pair.Comparison.Agreement);
        Assert.Equal(pair.PrimaryFinishReason, pair.BaselineFinishReason);
    }

    [Fact]
    public async Task WhatTheOtherFormatCannotCarry_IsCountedUntranslatable_AndNeverSent()
    {
        await using var primary = await SimulatorServer.StartAsync(new SimulatorOptions { Profile = BuiltInProfiles.Instant }, TestContext.Current.CancellationToken);
        await using var baseline = await SimulatorServer.StartAsync(new SimulatorOptions { Profile = BuiltInProfiles.Instant }, TestContext.Current.CancellationToken);
        await using var gateway = await TestGateway.StartAsync(primary.BaseUri, ShadowSetup.Settings(baseline.BaseUri, new Dictionary<string, string?>
        {
            [$"Shadowing:Routes:{ShadowSetup.Route}:Baseline:Provider"] = "anthropic",
        }));
        using var client = gateway.ProxyClient();
        var body = $$"""{"model":"gpt-4o","response_format":{"type":"json_object"},"messages":[{"role":"user","content":"{{Question}} Reply in JSON."}]}""";

        using var response = await client.PostAsync("v1/chat/completions", new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        var accounting = gateway.Services.GetRequiredService<ShadowAccounting>();
        await ShadowSetup.WaitForAccountingAsync(accounting, () => 1);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, accounting.Outcomes(ShadowSetup.Route, ShadowOutcome.SkippedUntranslatable));
        Assert.Empty(baseline.Journal.Entries);
    }
}
