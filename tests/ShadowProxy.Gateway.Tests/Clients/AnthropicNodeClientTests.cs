using System.Text.Json;
using ShadowProxy.Core.Exchanges;
using ShadowProxy.Gateway.Tests.Infrastructure;
using ShadowProxy.Simulator.Profiles;
using ShadowProxy.Yarp.Shadowing.Accounting;

namespace ShadowProxy.Gateway.Tests.Clients;

/// <summary>The official `@anthropic-ai/sdk` npm package works through the gateway's Anthropic route, given only a base URL.</summary>
public sealed class AnthropicNodeClientTests
{
    [Fact]
    public async Task AnthropicSdk_PlainStreamingToolUseAndCountTokens_Work_AndMessagesAreCompared()
    {
        var clientDir = NodeClients.Directory(Path.Combine("@anthropic-ai", "sdk"));
        await using var setup = await AnthropicSetup.StartAsync(BuiltInProfiles.Instant with { TailDelay = TimeSpan.FromSeconds(3) });

        var (exit, stdout, stderr) = await ProcessRunner.RunAsync("node", ["anthropic-client.mjs", setup.BaseUrl.ToString()], clientDir, TimeSpan.FromSeconds(60));

        Assert.True(exit == 0, $"node client failed ({exit}): {stderr}");
        using var result = JsonDocument.Parse(stdout.Trim().Split('\n')[^1]);
        var root = result.RootElement;
        Assert.Equal(setup.Primary.Profile.Model, root.GetProperty("plainModel").GetString());
        Assert.Matches(@"\[(Yes|No)\]$", root.GetProperty("plainText").GetString());
        Assert.Equal("end_turn", root.GetProperty("plainStop").GetString());
        Assert.Matches(@"\[(Yes|No)\]$", root.GetProperty("streamText").GetString());
        Assert.True(root.GetProperty("events").GetInt32() > 5);
        Assert.Equal("get_weather", root.GetProperty("toolName").GetString());
        Assert.Equal("tool_use", root.GetProperty("toolStop").GetString());
        Assert.Equal(JsonValueKind.String, root.GetProperty("toolInput").GetProperty("city").ValueKind);
        Assert.Equal(root.GetProperty("toolInput").GetRawText(), root.GetProperty("streamedToolInput").GetRawText());
        Assert.True(root.GetProperty("inputTokens").GetInt32() > 0);
        // Current SDK releases send the key as a bearer token, earlier ones as x-api-key; either reaches the primary.
        Assert.All(setup.Primary.Journal.Entries, e => Assert.Contains(
            "sk-ant-node-client-test", e.Headers.GetValueOrDefault("x-api-key") ?? e.Headers.GetValueOrDefault("Authorization"), StringComparison.Ordinal));

        // Four Messages calls (two streamed, closed by the SDK at message_stop) are compared; count_tokens is not shadowed.
        await setup.WaitForAccountingAsync();
        Assert.Equal(4, setup.Accounting.Outcomes(AnthropicSetup.Route, ShadowOutcome.Paired));
        Assert.All(setup.Pairs.Recent, p => Assert.Equal(OperationKind.Messages, p.Operation));
        Assert.DoesNotContain(setup.Baseline.Journal.Entries, e => e.Headers.Values.Any(v => v.Contains("sk-ant-node-client-test", StringComparison.Ordinal)));
    }
}
