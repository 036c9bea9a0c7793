using System.Net;
using System.Text.Json;
using ShadowProxy.Gateway.Tests.Infrastructure;

namespace ShadowProxy.Gateway.Tests.Proxy;

public sealed class UpstreamFailureTests
{
    [Fact]
    public async Task UpstreamDown_Gives502WithOpenAiStyleError()
    {
        await using var gateway = await TestGateway.StartAsync(FreePort.ClosedLoopbackUri());
        using var client = gateway.ProxyClient();

        using var response = await client.PostAsync("v1/chat/completions", new StringContent("{}"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var error = await ErrorOf(response);
        Assert.Equal("upstream_error", error.GetProperty("type").GetString());
        Assert.Contains("openai", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpstreamSilentPastActivityTimeout_Gives504WithOpenAiStyleError()
    {
        await using var upstream = await TestUpstream.StartAsync();
        await using var gateway = await TestGateway.StartAsync(upstream.BaseUri, new Dictionary<string, string?> { ["Upstream:ActivityTimeout"] = "00:00:01" });
        using var client = gateway.ProxyClient();

        using var response = await client.PostAsync("v1/hang", new StringContent("{}"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal("upstream_timeout", (await ErrorOf(response)).GetProperty("type").GetString());
    }

    private static async Task<JsonElement> ErrorOf(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return document.RootElement.GetProperty("error").Clone();
    }
}
