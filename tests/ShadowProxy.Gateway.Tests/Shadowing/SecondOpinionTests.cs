using System.Net.Http.Headers;
using ShadowProxy.Gateway.Tests.Infrastructure;
using ShadowProxy.Simulator.Hosting;
using ShadowProxy.Simulator.Profiles;
using ShadowProxy.Yarp.Pairs;

namespace ShadowProxy.Gateway.Tests.Shadowing;

/// <summary>Free-text pairs get an LLM judge verdict and an embedding similarity through the official OpenAI SDK.</summary>
public sealed class SecondOpinionTests
{
    [Fact]
    public async Task FreeTextPair_GetsJudgeAndEmbeddingOpinions_WithTheJudgesOwnKeyOnly()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var primary = await SimulatorServer.StartAsync(new SimulatorOptions { Profile = BuiltInProfiles.Instant, Seed = 1 }, ct);
        await using var baseline = await SimulatorServer.StartAsync(new SimulatorOptions { Profile = BuiltInProfiles.Instant, Seed = 2 }, ct);
        await using var judge = await SimulatorServer.StartAsync(new SimulatorOptions { Profile = BuiltInProfiles.Instant }, ct);
        var judgeEndpoint = new Uri(judge.BaseUri, "v1").ToString();
        await using var gateway = await TestGateway.StartAsync(primary.BaseUri, new Dictionary<string, string?>
        {
            ["Shadowing:Routes:openai:SampleRate"] = "1",
            ["Shadowing:Routes:openai:NoiseReplicateRate"] = "0",
            ["Shadowing:Routes:openai:Baseline:Address"] = baseline.BaseUri.ToString(),
            ["Shadowing:Routes:openai:Baseline:Model"] = "pinned",
            ["Comparison:Judge:Enabled"] = "true",
            ["Comparison:Judge:Endpoint"] = judgeEndpoint,
            ["Comparison:Judge:Model"] = "judge-model",
            ["Comparison:Judge:ApiKey"] = "sk-judge-key-0123456789",
            ["Comparison:Judge:SampleRate"] = "1",
            ["Comparison:Embeddings:Enabled"] = "true",
            ["Comparison:Embeddings:Endpoint"] = judgeEndpoint,
            ["Comparison:Embeddings:Model"] = "embed-model",
            ["Comparison:Embeddings:ApiKey"] = "sk-embed-key-0123456789",
            ["Comparison:Embeddings:SampleRate"] = "1",
        });
        using var client = gateway.ProxyClient();
        using var request = BaselineRequestTests.Chat("""{"model":"gpt-4o","messages":[{"role":"user","content":"Suggest a name for a coffee shop."}]}""");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "sk-client-secret-0123456789");

        using var response = await client.SendAsync(request, ct);
        var store = gateway.Services.GetRequiredService<InMemoryPairStore>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (store.Count == 0)
        {
            await Task.Delay(50, timeout.Token);
        }

        var pair = Assert.Single(store.Recent);
        Assert.NotNull(pair.JudgeAgrees);
        Assert.InRange(pair.EmbeddingCosine!.Value, -1, 1);
        var chat = Assert.Single(judge.Journal.Entries, e => e.Path == "/v1/chat/completions");
        var embeddings = Assert.Single(judge.Journal.Entries, e => e.Path == "/v1/embeddings");
        Assert.Equal("judge-model", chat.Model);
        Assert.Equal("embed-model", embeddings.Model);
        Assert.Equal("Bearer sk-judge-key-0123456789", chat.Headers["Authorization"]);
        Assert.Equal("Bearer sk-embed-key-0123456789", embeddings.Headers["Authorization"]);
        Assert.All(judge.Journal.Entries, e => Assert.DoesNotContain(e.Headers.Values, v => v.Contains("client-secret", StringComparison.Ordinal)));
        using var admin = gateway.AdminClient();
        Assert.Matches(@"shadowproxy_judge_verdicts_total\{route=""openai"",result=""(agree|disagree)""\} 1", await admin.GetStringAsync("metrics", ct));
    }
}
