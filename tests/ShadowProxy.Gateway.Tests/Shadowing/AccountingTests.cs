using ShadowProxy.Gateway.Tests.Infrastructure;
using ShadowProxy.Simulator.Profiles;
using ShadowProxy.Yarp.Shadowing.Accounting;

namespace ShadowProxy.Gateway.Tests.Shadowing;

public sealed class AccountingTests
{
    [Fact]
    public async Task EverySampledRequest_EndsInExactlyOneOutcome_UnderMixedBaselineFaults()
    {
        var faulty = BuiltInProfiles.Instant with { Faults = new FaultProfile { ServerError = 0.2, Hang = 0.1, GarbageBytes = 0.1, CutStream = 0.1 } };
        await using var setup = await ShadowSetup.StartAsync(faulty, new Dictionary<string, string?>
        {
            ["Shadowing:Routes:openai:SampleRate"] = "0.6",
            ["Shadowing:Routes:openai:NoiseReplicateRate"] = "0.3",
            ["Shadowing:Routes:openai:Baseline:Timeout"] = "00:00:01",
            ["Shadowing:Routes:openai:Baseline:BreakFailureRatio"] = "1",
        });
        using var client = setup.Gateway.ProxyClient();

        var requests = Enumerable.Range(0, 300).Select(async i =>
        {
            var body = $$"""{"model":"m","stream":{{(i % 3 == 0 ? "true" : "false")}},"messages":[{"role":"user","content":"question {{i}}"}]}""";
            using var response = await client.SendAsync(BaselineRequestTests.Chat(body), TestContext.Current.CancellationToken);
            Assert.True(response.IsSuccessStatusCode);
        });
        await Task.WhenAll(requests);
        await setup.WaitForAccountingAsync(TimeSpan.FromSeconds(60));

        var outcomes = Enum.GetValues<ShadowOutcome>().ToDictionary(o => o, o => setup.Accounting.Outcomes(ShadowSetup.Route, o));
        Assert.InRange(setup.Sampled, 120, 240);
        Assert.Equal(setup.Sampled, outcomes.Values.Sum());
        Assert.True(outcomes[ShadowOutcome.Paired] > 0, string.Join(", ", outcomes));
        Assert.True(outcomes[ShadowOutcome.BaselineError] > 0, string.Join(", ", outcomes));
        Assert.Equal(outcomes[ShadowOutcome.Paired], setup.Pairs.Count);
    }
}
