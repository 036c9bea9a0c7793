using Microsoft.VisualBasic.FileIO;
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

    private static (string Query, string Answer) FirstRow(string csv, string model)
    {
        using var parser = new TextFieldParser(csv) { HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var header = parser.ReadFields()!;
        while (parser.ReadFields() is { } row)
        {
            if (row[Array.IndexOf(header, "model")] == model)
            {
                return (row[Array.IndexOf(header, "query")], row[Array.IndexOf(header, "answer")]);
            }
        }

        throw new InvalidOperationException("no row");
    }
}
