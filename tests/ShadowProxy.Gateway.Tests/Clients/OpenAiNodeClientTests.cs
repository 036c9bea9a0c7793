using System.Text.Json;
using ShadowProxy.Gateway.Tests.Infrastructure;
using ShadowProxy.Simulator.Hosting;
using ShadowProxy.Simulator.Profiles;
using ShadowProxy.Yarp.Shadowing.Accounting;

namespace ShadowProxy.Gateway.Tests.Clients;

/// <summary>The official `openai` npm package works through the gateway, pointed at it only by base URL.</summary>
public sealed class OpenAiNodeClientTests
{
    [Fact]
    public async Task NodeClient_PlainStreamingAndEmbeddings_Work_AndEveryChatCallIsCompared()
    {
        var clientDir = NodeClients.Directory("openai");
        await using var baseline = await SimulatorServer.StartAsync(new SimulatorOptions { Profile = BuiltInProfiles.Instant }, TestContext.Current.CancellationToken);
        // The SDK stops reading at [DONE] and closes; the primary holds its body open a little after it, as edges do.
        await using var setup = await SimulatedGateway.StartAsync(
            BuiltInProfiles.Instant with { TailDelay = TimeSpan.FromSeconds(3) }, ShadowSetup.Settings(baseline.BaseUri, null));

        var (exit, stdout, stderr) = await ProcessRunner.RunAsync("node", ["client.mjs", setup.OpenAiBaseUrl.ToString()], clientDir, TimeSpan.FromSeconds(60));

        Assert.True(exit == 0, $"node client failed ({exit}): {stderr}");
        using var result = JsonDocument.Parse(stdout.Trim().Split('\n')[^1]);
        var root = result.RootElement;
        Assert.Equal(setup.Primary.Profile.Model, root.GetProperty("plainModel").GetString());
        Assert.Matches(@"\[(Yes|No)\]$", root.GetProperty("plainText").GetString());
        Assert.Matches(@"\[(Yes|No)\]$", root.GetProperty("streamText").GetString());
        Assert.True(root.GetProperty("chunks").GetInt32() > 3);
        Assert.True(root.GetProperty("completionTokens").GetInt32() > 0);
        Assert.Equal(64, root.GetProperty("embeddingLength").GetInt32());
        Assert.All(setup.Primary.Journal.Entries, e => Assert.Equal("Bearer sk-node-client-test", e.Headers["Authorization"]));
        var accounting = setup.Gateway.Services.GetRequiredService<ShadowAccounting>();
        await ShadowSetup.WaitForAccountingAsync(accounting, () => 3);
        Assert.Equal(3, accounting.Outcomes(ShadowSetup.Route, ShadowOutcome.Paired)); // plain, streamed, embeddings

    }
}
