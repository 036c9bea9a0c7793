using System.Net;
using ShadowProxy.Gateway.Tests.Infrastructure;

namespace ShadowProxy.Gateway.Tests.Hosting;

public sealed class ListenerTests
{
    [Theory]
    [InlineData("healthz")]
    [InlineData("readyz")]
    public async Task HealthEndpoints_AnswerOnAdminListenerOnly(string path)
    {
        await using var upstream = await TestUpstream.StartAsync();
        await using var gateway = await TestGateway.StartAsync(upstream.BaseUri);
        using var admin = gateway.AdminClient();
        using var proxy = gateway.ProxyClient();

        using var onAdmin = await admin.GetAsync(path, TestContext.Current.CancellationToken);
        using var onProxy = await proxy.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, onAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, onProxy.StatusCode);
        Assert.Contains("No route", await onProxy.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProxyRoutes_AreNotReachableOnAdminListener()
    {
        await using var upstream = await TestUpstream.StartAsync();
        await using var gateway = await TestGateway.StartAsync(upstream.BaseUri);
        using var admin = gateway.AdminClient();

        using var response = await admin.PostAsync("v1/echo/x", new StringContent("{}"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(response.Headers.Contains("x-upstream-method"));
    }

    [Fact]
    public async Task ForgedHostHeader_DoesNotReachAdminEndpointsFromProxyListener()
    {
        await using var upstream = await TestUpstream.StartAsync();
        await using var gateway = await TestGateway.StartAsync(upstream.BaseUri);
        using var proxy = gateway.ProxyClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "healthz");
        request.Headers.Host = $"127.0.0.1:{gateway.AdminUri.Port}";

        using var response = await proxy.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
