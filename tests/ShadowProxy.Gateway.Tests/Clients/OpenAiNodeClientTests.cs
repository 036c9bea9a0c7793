using System.Text.Json;
using ShadowProxy.Gateway.Tests.Infrastructure;

namespace ShadowProxy.Gateway.Tests.Clients;

/// <summary>The official `openai` npm package works through the gateway, pointed at it only by base URL.</summary>
public sealed class OpenAiNodeClientTests
{
    [Fact]
    public async Task NodeClient_PlainStreamingAndEmbeddings_Work()
    {
        var clientDir = Path.Combine(RepoPaths.Root, "tests", "ShadowProxy.Gateway.Tests", "Clients", "node");
        Assert.True(Directory.Exists(Path.Combine(clientDir, "node_modules", "openai")),
            $"The openai npm package is not installed in {clientDir}; run the README's test command (eng/test.sh), which installs it.");
        await using var setup = await SimulatedGateway.StartAsync();

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
    }
}
