using ShadowProxy.Simulator.Hosting;

namespace ShadowProxy.Simulator.Tests.Hosting;

public sealed class SimulatorCommandLineTests
{
    [Fact]
    public void TimingFlags_OverrideTheNamedProfile()
    {
        var options = SimulatorCommandLine.Parse(["--profile", "instant", "--ttft-ms", "40", "--token-interval-ms", "2.5", "--reasoning-words", "120"]);

        Assert.Equal("instant", options.Profile.Name);
        Assert.Equal(TimeSpan.FromMilliseconds(40), options.Profile.TimeToFirstToken);
        Assert.Equal(TimeSpan.FromMilliseconds(2.5), options.Profile.TokenInterval);
        Assert.Equal(120, options.Profile.ReasoningWords);
        Assert.False(options.Profile.Faults.Any);
        Assert.True(options.Profile.PaceWholeAnswers);
    }

    [Fact]
    public async Task PaceStreams_AnswersJsonAtOnceButPacesStreams()
    {
        var options = SimulatorCommandLine.Parse(["--profile", "instant", "--ttft-ms", "300", "--pace", "streams"]) with { Url = "http://127.0.0.1:0" };
        await using var server = await SimulatorServer.StartAsync(options, TestContext.Current.CancellationToken);
        using var client = new HttpClient { BaseAddress = server.BaseUri };

        await Timed(client, stream: false); // connection and JIT warm-up, not the simulator's pacing
        var plain = await Timed(client, stream: false);
        var streamed = await Timed(client, stream: true);

        Assert.True(streamed > TimeSpan.FromMilliseconds(300), $"the stream took {streamed}");
        Assert.True(plain * 2 < streamed, $"plain {plain} vs streamed {streamed}");
    }

    private static async Task<TimeSpan> Timed(HttpClient client, bool stream)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var content = new StringContent(
            $$"""{"model":"m","stream":{{(stream ? "true" : "false")}},"messages":[{"role":"user","content":"Suggest a name for a coffee shop."}]}""",
            System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("v1/chat/completions", content, TestContext.Current.CancellationToken);
        await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return clock.Elapsed;
    }

    [Fact]
    public void FaultFlag_MakesEveryRequestFailThatWay()
    {
        var options = SimulatorCommandLine.Parse(["--profile", "march", "--fault", "hang"]);

        Assert.Equal(1, options.Profile.Faults.Hang);
        Assert.Equal(0, options.Profile.Faults.ServerError);
    }

    [Fact]
    public void FaultShare_SpreadsThatShareOverSeveralFaults()
    {
        var faults = SimulatorCommandLine.Parse(["--profile", "march", "--fault-share", "0.3"]).Profile.Faults;

        Assert.Equal(0.3, faults.ServerError + faults.Hang + faults.GarbageBytes + faults.StallStream, precision: 9);
        Assert.True(faults.ServerError > 0 && faults.Hang > 0 && faults.StallStream > 0);
    }

    [Theory]
    [InlineData("--fault", "sometimes", "Unknown --fault 'sometimes'")]
    [InlineData("--ttft-ms", "-3", "--ttft-ms needs a non-negative number")]
    [InlineData("--pace", "sometimes", "--pace is 'all' or 'streams'")]
    [InlineData("--fault-share", "3", "--fault-share is a share of requests")]
    [InlineData("--token-interval-ms", "fast", "--token-interval-ms needs a non-negative number")]
    public void BadFlag_IsRejectedWithItsName(string flag, string value, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => SimulatorCommandLine.Parse(["--profile", "march", flag, value]));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }
}
