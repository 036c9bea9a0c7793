using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authentication;
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

    [Fact]
    public async Task ProxiedRequests_OpenNoAuthentication_AdminRequestsStillAuthenticate()
    {
        // Every authentication in a request goes through a request-scoped handler provider; count those made.
        var providers = 0;
        await using var upstream = await TestUpstream.StartAsync();
        await using var gateway = await TestGateway.StartAsync(
            upstream.BaseUri,
            new Dictionary<string, string?> { ["Admin:Token"] = "listener-test-admin-token-0123456789" },
            services: s => s.AddScoped<IAuthenticationHandlerProvider>(sp =>
            {
                Interlocked.Increment(ref providers);
                return ActivatorUtilities.CreateInstance<AuthenticationHandlerProvider>(sp);
            }));
        using var proxy = gateway.ProxyClient();
        using var admin = gateway.AdminClient();

        for (var i = 0; i < 5; i++)
        {
            using var proxied = await proxy.PostAsync("v1/echo/x", new StringContent("{}"), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, proxied.StatusCode);
        }

        var afterProxied = Volatile.Read(ref providers);
        using var refused = await admin.GetAsync("admin/api/drift", TestContext.Current.CancellationToken);
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "listener-test-admin-token-0123456789");
        using var accepted = await admin.GetAsync("admin/api/drift", TestContext.Current.CancellationToken);

        Assert.Equal(0, afterProxied);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.True(Volatile.Read(ref providers) >= 2, $"{providers} authentication handler providers for two admin requests");
    }
}
