using System.Text.Json;
using ShadowProxy.Gateway.Tests.Infrastructure;
using ShadowProxy.Simulator.Hosting;
using ShadowProxy.Simulator.Profiles;
using ShadowProxy.Yarp.Shadowing.Accounting;

namespace ShadowProxy.Gateway.Tests.Clients;

/// <summary>
/// The Vercel AI SDK (`ai` + `@ai-sdk/openai`) and LangChain (`@langchain/openai`), current releases on Node 22,
/// pointed at the gateway only by base URL: plain, streaming, tool calls and structured output all work, and every
/// call is shadowed and compared.
/// </summary>
public sealed class Node22ClientTests
{
    [Fact]
    public async Task VercelAiSdk_ResponsesChatStreamingToolsAndObjects_Work_AndEveryCallIsCompared()
    {
        var clientDir = NodeClients.Directory(Path.Combine("@ai-sdk", "openai"), "node22");
        await using var run = await RunAsync(clientDir, "vercel-client.mjs");
        var root = run.Result.RootElement;

        Assert.Matches(@"\[(Yes|No)\]$", root.GetProperty("responsesText").GetString());
        Assert.Equal("stop", root.GetProperty("responsesFinish").GetString());
        Assert.Matches(@"\[(Yes|No)\]$", root.GetProperty("streamText").GetString());
        Assert.Matches(@"\[(Yes|No)\]$", root.GetProperty("chatText").GetString());
        Assert.Matches(@"\[(Yes|No)\]$", root.GetProperty("chatStreamText").GetString());
        Assert.Equal("get_weather", root.GetProperty("toolName").GetString());
        Assert.Equal(JsonValueKind.String, root.GetProperty("toolInput").GetProperty("city").ValueKind);
        Assert.Equal("[\"age\",\"name\"]", root.GetProperty("objectKeys").GetRawText());
        Assert.Contains(run.Primary.Journal.Entries, e => e.Path == "/v1/responses");
        await run.AssertEveryCallComparedAsync(6);
    }

    [Fact]
    public async Task LangChain_PlainStreamingToolsAndStructuredOutput_Work_AndEveryCallIsCompared()
    {
        var clientDir = NodeClients.Directory(Path.Combine("@langchain", "openai"), "node22");
        await using var run = await RunAsync(clientDir, "langchain-client.mjs");
        var root = run.Result.RootElement;

        Assert.Matches(@"\[(Yes|No)\]$", root.GetProperty("plainText").GetString());
        Assert.Matches(@"\[(Yes|No)\]$", root.GetProperty("streamText").GetString());
        Assert.Equal("get_weather", root.GetProperty("toolName").GetString());
        Assert.Equal(JsonValueKind.String, root.GetProperty("toolArgs").GetProperty("city").ValueKind);
        Assert.Equal("[\"age\",\"name\"]", root.GetProperty("objectKeys").GetRawText());
        await run.AssertEveryCallComparedAsync(4);
    }

    private static async Task<ClientRun> RunAsync(string clientDir, string script)
    {
        var baseline = await SimulatorServer.StartAsync(new SimulatorOptions { Profile = BuiltInProfiles.Instant }, TestContext.Current.CancellationToken);
        var setup = await SimulatedGateway.StartAsync(
            BuiltInProfiles.Instant with { TailDelay = TimeSpan.FromSeconds(2) }, ShadowSetup.Settings(baseline.BaseUri, null));
        var (exit, stdout, stderr) = await ProcessRunner.RunAsync(NodeClients.Node22(clientDir), [script, setup.OpenAiBaseUrl.ToString()], clientDir, TimeSpan.FromSeconds(90));
        Assert.True(exit == 0, $"{script} failed ({exit}): {stderr}");
        return new ClientRun(setup, baseline, JsonDocument.Parse(stdout.Trim().Split('\n')[^1]));
    }

    private sealed class ClientRun(SimulatedGateway setup, SimulatorServer baseline, JsonDocument result) : IAsyncDisposable
    {
        public JsonDocument Result => result;

        public SimulatorServer Primary => setup.Primary;

        public async Task AssertEveryCallComparedAsync(int calls)
        {
            var accounting = setup.Gateway.Services.GetRequiredService<ShadowAccounting>();
            await ShadowSetup.WaitForAccountingAsync(accounting, () => calls);
            Assert.Equal(calls, setup.Primary.Journal.Count);
            Assert.Equal(calls, accounting.Outcomes(ShadowSetup.Route, ShadowOutcome.Paired));
        }

        public async ValueTask DisposeAsync()
        {
            result.Dispose();
            await setup.DisposeAsync();
            await baseline.DisposeAsync();
        }
    }
}
