using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using ShadowProxy.Gateway.Tests.Infrastructure;

namespace ShadowProxy.Gateway.Tests.Proxy;

public sealed class PassThroughTests
{
    [Theory]
    [InlineData("POST", "application/json", "{\"model\":\"gpt-4o\",\"messages\":[]}")]
    [InlineData("PUT", "text/plain; charset=utf-8", "not json at all \u00e9")]
    [InlineData("DELETE", "application/octet-stream", "")]
    [InlineData("PATCH", "application/json", "{\"a\":1}")]
    public async Task AnyMethod_IsForwardedWithBodyStatusAndHeadersIntact(string method, string contentType, string body)
    {
        await using var upstream = await TestUpstream.StartAsync();
        await using var gateway = await TestGateway.StartAsync(upstream.BaseUri);
        using var client = gateway.ProxyClient();
        var bytes = Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(new HttpMethod(method), "v1/echo/files/abc?purpose=fine-tune&x=%20y")
        {
            Content = new ByteArrayContent(bytes) { Headers = { ContentType = MediaTypeHeaderValue.Parse(contentType) } },
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "sk-client");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(method, Header(response, "x-upstream-method"));
        Assert.Equal("/v1/echo/files/abc?purpose=fine-tune&x=%20y", Header(response, "x-upstream-path"));
        Assert.Equal("Bearer sk-client", Header(response, "x-upstream-authorization"));
        Assert.Equal("kept", Header(response, "x-custom"));
    }

    [Theory]
    [InlineData(400)]
    [InlineData(429)]
    [InlineData(500)]
    public async Task UpstreamErrorStatus_IsPassedThroughUnchanged(int status)
    {
        await using var upstream = await TestUpstream.StartAsync();
        await using var gateway = await TestGateway.StartAsync(upstream.BaseUri);
        using var client = gateway.ProxyClient();
        var body = "{\"error\":{\"message\":\"from upstream\",\"type\":\"x\"}}";

        using var response = await client.PostAsync($"v1/echo/chat/completions?status={status}",
            new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(body, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.False(response.Headers.Contains("x-shadowproxy-error"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8 * 1024 * 1024)]
    public async Task LargeResponse_ArrivesByteForByte(int size)
    {
        await using var upstream = await TestUpstream.StartAsync();
        await using var gateway = await TestGateway.StartAsync(upstream.BaseUri);
        using var client = gateway.ProxyClient();

        using var response = await client.GetAsync($"v1/large?size={size}", TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        Assert.Equal(size, body.Length);
        Assert.Equal(Header(response, "x-body-sha256"), Convert.ToHexString(SHA256.HashData(body)));
    }

    [Fact]
    public async Task LargeRequestBody_ReachesUpstreamByteForByte()
    {
        await using var upstream = await TestUpstream.StartAsync();
        await using var gateway = await TestGateway.StartAsync(upstream.BaseUri);
        using var client = gateway.ProxyClient();
        var body = RandomNumberGenerator.GetBytes(3 * 1024 * 1024);

        using var response = await client.PostAsync("v1/echo/big", new ByteArrayContent(body), TestContext.Current.CancellationToken);

        Assert.Equal(body, await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "<missing>";
}
