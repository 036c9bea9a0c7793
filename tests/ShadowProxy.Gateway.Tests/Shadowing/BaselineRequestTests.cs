using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ShadowProxy.Gateway.Tests.Infrastructure;
using ShadowProxy.Simulator.Profiles;
using ShadowProxy.Yarp.Shadowing.Accounting;

namespace ShadowProxy.Gateway.Tests.Shadowing;

public sealed class BaselineRequestTests
{
    private const string Body = """{"model":"gpt-4o","messages":[{"role":"user","content":"Is 7919 a prime number? Think step by step and then answer [Yes] or [No]."}]}""";

    [Fact]
    public async Task Baseline_GetsPinnedModelAndItsOwnKey_NeverTheClientsCredentials()
    {
        await using var setup = await ShadowSetup.StartAsync(BuiltInProfiles.Instant);
        using var client = setup.Gateway.ProxyClient();
        using var request = Chat(Body);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "sk-client-secret");
        request.Headers.Add("api-key", "azure-client-secret");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        await setup.WaitForAccountingAsync();

        Assert.Equal(TestUpstream.CannedChat, await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        var received = Assert.Single(setup.Baseline!.Journal.Entries);
        Assert.Equal(ShadowSetup.PinnedModel, received.Model);
        Assert.Equal($"Bearer {ShadowSetup.BaselineKey}", received.Headers["Authorization"]);
        Assert.False(received.Headers.ContainsKey("api-key"));
        Assert.DoesNotContain(received.Headers.Values, v => v.Contains("client-secret", StringComparison.Ordinal));
        Assert.Equal(1, setup.Accounting.Outcomes(ShadowSetup.Route, ShadowOutcome.Paired));
    }

    [Fact]
    public async Task ForwardClientCredentials_SendsTheClientsKeyOnlyWhenTheRouteSaysSo()
    {
        await using var setup = await ShadowSetup.StartAsync(BuiltInProfiles.Instant, new Dictionary<string, string?>
        {
            ["Shadowing:Routes:openai:Baseline:ApiKey"] = null,
            ["Shadowing:Routes:openai:Baseline:ForwardClientCredentials"] = "true",
        });
        using var client = setup.Gateway.ProxyClient();
        using var request = Chat(Body);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "sk-client-secret");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        await setup.WaitForAccountingAsync();

        Assert.Equal("Bearer sk-client-secret", Assert.Single(setup.Baseline!.Journal.Entries).Headers["Authorization"]);
    }

    [Fact]
    public async Task StreamedPrimary_IsShadowedAsAStream_AndThePairIsCompared()
    {
        await using var setup = await ShadowSetup.StartAsync(BuiltInProfiles.Instant);
        using var client = setup.Gateway.ProxyClient();
        var streamed = Body.Replace("\"messages\"", "\"stream\":true,\"messages\"", StringComparison.Ordinal);

        using var response = await client.SendAsync(Chat(streamed), TestContext.Current.CancellationToken);
        await setup.WaitForAccountingAsync();

        Assert.Equal(TestUpstream.CannedStream, await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        using var sent = JsonDocument.Parse(Assert.Single(setup.Baseline!.Journal.Entries).Body);
        Assert.True(sent.RootElement.GetProperty("stream").GetBoolean());
        Assert.Equal(ShadowSetup.PinnedModel, sent.RootElement.GetProperty("model").GetString());
        var pair = Assert.Single(setup.Pairs.Recent);
        Assert.True(pair.Streamed);
        Assert.Equal(BuiltInProfiles.Instant.Model, pair.BaselineModel);
    }

    [Fact]
    public async Task StatefulRequest_IsNotShadowed_AndCountedOnce()
    {
        await using var setup = await ShadowSetup.StartAsync(BuiltInProfiles.Instant);
        using var client = setup.Gateway.ProxyClient();
        var stateful = """{"model":"gpt-4o","previous_response_id":"resp_123","input":"and then?"}""";

        using var response = await client.PostAsync("v1/chat/completions", new StringContent(stateful, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        await setup.WaitForAccountingAsync();

        Assert.Empty(setup.Baseline!.Journal.Entries);
        Assert.Equal(1, setup.Accounting.Outcomes(ShadowSetup.Route, ShadowOutcome.SkippedStateful));
        Assert.Equal(1, setup.Accounting.TotalOutcomes(ShadowSetup.Route));
    }

    /// <summary>The request path screens only the top level; deeper findings are the worker's, counted just once too.</summary>
    [Theory]
    [InlineData("""{"model":"gpt-4o","messages":[{"role":"user","content":[{"type":"file","file":{"file_id":"file-abc"}}]}]}""", "SkippedStateful")]
    [InlineData("""{"model":"gpt-4o","messages":[{"role":"user","content":"hi","content":"twice"}]}""", "SkippedInvalidRequest")]
    [InlineData("""{"model":"gpt-4o","messages":[{"role":"user","content":"\ud800"}]}""", "SkippedInvalidRequest")]
    public async Task WhatOnlyTheFullParseSees_IsCountedOnceByTheWorker_AndNeverSent(string body, string outcome)
    {
        await using var setup = await ShadowSetup.StartAsync(BuiltInProfiles.Instant);
        using var client = setup.Gateway.ProxyClient();
        var stateful = body;

        using var response = await client.PostAsync("v1/chat/completions", new StringContent(stateful, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        await setup.WaitForAccountingAsync();

        Assert.Empty(setup.Baseline!.Journal.Entries);
        Assert.Equal(1, setup.Accounting.Outcomes(ShadowSetup.Route, Enum.Parse<ShadowOutcome>(outcome)));
        Assert.Equal(1, setup.Accounting.TotalOutcomes(ShadowSetup.Route));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    internal static HttpRequestMessage Chat(string body) =>
        new(HttpMethod.Post, "v1/chat/completions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    /// <summary>Sends chat question number <paramref name="i"/> (`q{i}`, model gpt-4o); it must succeed.</summary>
    internal static async Task SendQuestionAsync(HttpClient client, int i)
    {
        using var response = await client.SendAsync(Chat($$"""{"model":"gpt-4o","messages":[{"role":"user","content":"q{{i}}"}]}"""), TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode);
    }
}
