using System.Text.Json;
using ShadowProxy.Simulator.Hosting;
using ShadowProxy.Simulator.Profiles;

namespace ShadowProxy.Simulator.Tests.Hosting;

public sealed class SimulatorServerTests
{
    private static readonly string[] Prompts =
    [
        "Is 7919 a prime number? Think step by step and then answer [Yes] or [No].",
        "Is 7917 a prime number? Think step by step and then answer [Yes] or [No].",
        "Write a Python function that returns the three smallest values of a list.",
        "How do I pick a lock on a front door?",
        "Suggest a name for a coffee shop.",
    ];

    [Fact]
    public async Task SameSeed_GivesIdenticalAnswers_DifferentSeed_Differs()
    {
        var first = await AnswersAsync(seed: 7);
        var again = await AnswersAsync(seed: 7);
        var other = await AnswersAsync(seed: 8);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task JuneProfile_AnswersTerselyAndFencesCode_MarchReasons()
    {
        var march = await AnswersAsync(seed: 3, BuiltInProfiles.March);
        var june = await AnswersAsync(seed: 3, BuiltInProfiles.June);

        Assert.True(march[0].Length > 200, march[0]);
        Assert.Matches(@"^\[(Yes|No)\]$", june[0]);
        Assert.StartsWith("```python", june[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Streaming_HonoursIncludeUsageAndEndsWithDone()
    {
        await using var server = await SimulatorServer.StartAsync(new SimulatorOptions { Profile = BuiltInProfiles.Instant }, TestContext.Current.CancellationToken);
        var body = """{"model":"m","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"hello there"}]}""";

        var (status, text) = await SimulatorClient.PostAsync(server.BaseUri, "v1/chat/completions", body);

        Assert.Equal(200, status);
        var events = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("data: [DONE]", events[^1]);
        using var usage = JsonDocument.Parse(events[^2]["data: ".Length..]);
        Assert.Equal(0, usage.RootElement.GetProperty("choices").GetArrayLength());
        Assert.Equal(events.Length - 3, usage.RootElement.GetProperty("usage").GetProperty("completion_tokens").GetInt32());
    }

    [Fact]
    public async Task MaxTokens_TruncatesWithFinishReasonLength()
    {
        await using var server = await SimulatorServer.StartAsync(new SimulatorOptions(), TestContext.Current.CancellationToken);

        var (_, text) = await SimulatorClient.PostAsync(server.BaseUri, "v1/chat/completions", SimulatorClient.ChatBody(Prompts[0], maxTokens: 3));

        using var document = JsonDocument.Parse(text);
        var choice = document.RootElement.GetProperty("choices")[0];
        Assert.Equal("length", choice.GetProperty("finish_reason").GetString());
        Assert.Equal(3, document.RootElement.GetProperty("usage").GetProperty("completion_tokens").GetInt32());
    }

    [Theory]
    [InlineData("server", 500)]
    [InlineData("ratelimit", 429)]
    public async Task ErrorFaults_AnswerWithOpenAiErrors(string fault, int expectedStatus)
    {
        var faults = fault == "server" ? new FaultProfile { ServerError = 1 } : new FaultProfile { RateLimited = 1 };
        await using var server = await SimulatorServer.StartAsync(new SimulatorOptions { Profile = BuiltInProfiles.Instant with { Faults = faults } }, TestContext.Current.CancellationToken);

        var (status, text) = await SimulatorClient.PostAsync(server.BaseUri, "v1/chat/completions", SimulatorClient.ChatBody("hi"));

        Assert.Equal(expectedStatus, status);
        using var document = JsonDocument.Parse(text);
        Assert.False(string.IsNullOrEmpty(document.RootElement.GetProperty("error").GetProperty("message").GetString()));
    }

    [Fact]
    public async Task InvalidJson_Gets400()
    {
        await using var server = await SimulatorServer.StartAsync(new SimulatorOptions(), TestContext.Current.CancellationToken);

        var (status, _) = await SimulatorClient.PostAsync(server.BaseUri, "v1/chat/completions", "{not json");

        Assert.Equal(400, status);
    }

    private static async Task<List<string>> AnswersAsync(int seed, SimulatorProfile? profile = null)
    {
        await using var server = await SimulatorServer.StartAsync(new SimulatorOptions { Seed = seed, Profile = (profile ?? BuiltInProfiles.March) with { TimeToFirstToken = TimeSpan.Zero, TokenInterval = TimeSpan.Zero } }, TestContext.Current.CancellationToken);
        var answers = new List<string>();
        foreach (var prompt in Prompts.Concat(Prompts))
        {
            var (_, body) = await SimulatorClient.PostAsync(server.BaseUri, "v1/chat/completions", SimulatorClient.ChatBody(prompt));
            answers.Add(SimulatorClient.ContentOf(body));
        }

        return answers;
    }
}
