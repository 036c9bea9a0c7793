using System.Text.Json;
using ShadowProxy.Gateway.Tests.Infrastructure;
using ShadowProxy.Gateway.Tests.Security;
using ShadowProxy.Yarp.Shadowing.Accounting;

namespace ShadowProxy.Gateway.Tests.Shadowing;

/// <summary>What a baseline copy is, on the wire, beyond the pinned model: Azure deployments, storage, streamed usage.</summary>
public sealed class BaselineCopyTests
{
    private const string Chat = """{"model":"gpt-4o","messages":[{"role":"user","content":"Is 7919 prime? Answer [Yes] or [No]."}]}""";

    [Fact]
    public async Task AzureDeployment_ReplacesTheDeploymentInThePath_AndKeepsTheApiVersion()
    {
        await using var setup = await RecordingSetup.StartAsync(new Dictionary<string, string?>
        {
            ["ReverseProxy:Routes:openai:Match:Path"] = "/openai/{**rest}",
            [$"Shadowing:Routes:{RecordingSetup.Route}:Baseline:Deployment"] = "gpt-4o-pinned-0806",
            [$"Shadowing:Routes:{RecordingSetup.Route}:Baseline:ApiKeyHeader"] = "api-key",
        });

        var status = await BaselineTargetTests.RawPostAsync(setup.Gateway.ProxyUri, "/openai/deployments/gpt-4o-prod/chat/completions?api-version=2024-10-21", Chat);
        await setup.WaitForAccountingAsync();

        Assert.Equal(200, status);
        Assert.Equal("/openai/deployments/gpt-4o-prod/chat/completions?api-version=2024-10-21", Assert.Single(setup.Primary.Requests).RawTarget);
        var baseline = Assert.Single(setup.Baseline.Requests);
        Assert.Equal("/openai/deployments/gpt-4o-pinned-0806/chat/completions?api-version=2024-10-21", baseline.RawTarget);
        Assert.Equal(ShadowSetup.BaselineKey, baseline.Headers["api-key"]);
        Assert.Equal(1, setup.Accounting.Outcomes(RecordingSetup.Route, ShadowOutcome.Paired));
    }

    [Theory]
    [InlineData("/v1/chat/completions", """{"model":"gpt-4o","store":true,"messages":[{"role":"user","content":"hi"}]}""", null, false)]
    [InlineData("/v1/responses", """{"model":"gpt-4o","input":"hi"}""", null, false)]
    [InlineData("/v1/responses", """{"model":"gpt-4o","input":"hi"}""", "true", null)]
    [InlineData("/v1/chat/completions", """{"model":"gpt-4o","messages":[{"role":"user","content":"hi"}]}""", null, null)]
    public async Task Copies_AreNotStoredOnTheBaselinesAccount_UnlessTheRouteSaysSo(string path, string body, string? store, bool? expected)
    {
        await using var setup = await RecordingSetup.StartAsync(new Dictionary<string, string?> { [$"Shadowing:Routes:{RecordingSetup.Route}:Baseline:Store"] = store });

        await BaselineTargetTests.RawPostAsync(setup.Gateway.ProxyUri, path, body);
        await setup.WaitForAccountingAsync();

        using var sent = JsonDocument.Parse(Assert.Single(setup.Baseline.Requests).Body);
        Assert.Equal(expected, sent.RootElement.TryGetProperty("store", out var value) ? value.GetBoolean() : null);
    }

    [Fact]
    public async Task StreamedCopies_AskForUsage_SoTheTokenBudgetIsCharged()
    {
        await using var setup = await ShadowSetup.StartAsync(Simulator.Profiles.BuiltInProfiles.Instant, new Dictionary<string, string?>
        {
            [$"Shadowing:Routes:{ShadowSetup.Route}:Budget:TokensPerDay"] = "5",
        });
        using var client = setup.Gateway.ProxyClient();
        var streamed = Chat.Replace("\"messages\"", "\"stream\":true,\"stream_options\":{\"include_obfuscation\":false},\"messages\"", StringComparison.Ordinal);

        for (var i = 0; i < 2; i++)
        {
            using var response = await client.PostAsync("v1/chat/completions", new StringContent(streamed, System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
            await setup.WaitForAccountingAsync();
        }

        using var sent = JsonDocument.Parse(Assert.Single(setup.Baseline!.Journal.Entries).Body);
        var options = sent.RootElement.GetProperty("stream_options");
        Assert.True(options.GetProperty("include_usage").GetBoolean());
        Assert.False(options.GetProperty("include_obfuscation").GetBoolean()); // the client's own options are kept
        Assert.True(Assert.Single(setup.Pairs.Recent).BaselineUsage!.TotalTokens > 5);
        // The first copy's tokens spent the day's budget of 5, so the second request is not mirrored.
        Assert.Equal(1, setup.Accounting.Outcomes(ShadowSetup.Route, ShadowOutcome.SkippedBudget));
    }
}
