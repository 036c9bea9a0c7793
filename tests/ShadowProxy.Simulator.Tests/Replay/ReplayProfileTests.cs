using ShadowProxy.Simulator.Hosting;
using ShadowProxy.Simulator.Profiles;
using ShadowProxy.Simulator.Replay;

namespace ShadowProxy.Simulator.Tests.Replay;

public sealed class ReplayProfileTests
{
    [Fact]
    public async Task ReplayProfile_ReturnsTheRecordedAnswerForAPrimeQuery()
    {
        var csv = SharedData.Require("PRIME_FULL_EVAL.csv");
        const string model = "openaichat/gpt-4-0613";
        var (query, answer) = FirstRow(csv, model);
        var recordings = RecordedGenerations.Load(csv, model);
        await using var server = await SimulatorServer.StartAsync(new SimulatorOptions
        {
            Profile = BuiltInProfiles.Instant with { Name = "replay", Model = model },
            Recordings = recordings,
        }, TestContext.Current.CancellationToken);

        var (status, body) = await SimulatorClient.PostAsync(server.BaseUri, "v1/chat/completions", SimulatorClient.ChatBody(query));

        Assert.Equal(200, status);
        Assert.Equal(1000, recordings.Count);
        Assert.Equal(answer.Trim(), SimulatorClient.ContentOf(body).Trim());
    }

    [Fact]
    public async Task ReplayProfile_ServesEveryMultiLinePromptExactly()
    {
        // LeetCode prompts span many lines; each recorded one must come back as recorded when sent as a chat message.
        var csv = SharedData.Require("LEETCODE_EASY_EVAL.csv");
        const string model = "openaichat/gpt-4-0613";
        var rows = Rows(csv, model).Where(r => r.Query.Contains('\n', StringComparison.Ordinal)).ToList();
        await using var server = await SimulatorServer.StartAsync(new SimulatorOptions
        {
            Profile = BuiltInProfiles.Instant with { Name = "replay", Model = model },
            Recordings = RecordedGenerations.Load(csv, model),
        }, TestContext.Current.CancellationToken);

        var misses = 0;
        foreach (var (query, answer) in rows)
        {
            var (status, body) = await SimulatorClient.PostAsync(server.BaseUri, "v1/chat/completions", SimulatorClient.ChatBody(query));
            misses += status == 200 && SimulatorClient.ContentOf(body).Trim() == answer.Trim() ? 0 : 1;
        }

        Assert.True(rows.Count > 20, $"only {rows.Count} multi-line prompts found");
        Assert.Equal(0, misses);
    }

    [Fact]
    public async Task ReplayProfile_UnknownQuery_Gets404ReplayMiss()
    {
        var csv = SharedData.Require("PRIME_FULL_EVAL.csv");
        await using var server = await SimulatorServer.StartAsync(new SimulatorOptions
        {
            Recordings = RecordedGenerations.Load(csv, "openaichat/gpt-4-0314"),
        }, TestContext.Current.CancellationToken);

        var (status, body) = await SimulatorClient.PostAsync(server.BaseUri, "v1/chat/completions", SimulatorClient.ChatBody("never recorded"));

        Assert.Equal(404, status);
        Assert.Contains("replay_miss", body, StringComparison.Ordinal);
    }

    private static (string Query, string Answer) FirstRow(string csv, string model) => Rows(csv, model).First();

    private static IEnumerable<(string Query, string Answer)> Rows(string csv, string model)
    {
        using var reader = new StreamReader(csv);
        using var records = RecordingCsv.Records(reader).GetEnumerator();
        records.MoveNext();
        var header = records.Current;
        while (records.MoveNext())
        {
            var row = records.Current;
            if (row[Array.IndexOf(header, "model")] == model)
            {
                yield return (row[Array.IndexOf(header, "query")], row[Array.IndexOf(header, "answer")]);
            }
        }
    }
}
