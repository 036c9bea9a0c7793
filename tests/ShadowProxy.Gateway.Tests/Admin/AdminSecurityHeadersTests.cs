using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ShadowProxy.Gateway.Tests.Infrastructure;

namespace ShadowProxy.Gateway.Tests.Admin;

/// <summary>Browser-facing hardening headers on everything the admin listener answers, refusals and errors included.</summary>
public sealed partial class AdminSecurityHeadersTests
{
    [Theory]
    [InlineData("admin/api/drift", false)]
    [InlineData("admin/api/drift", true)]
    [InlineData("admin/api/pairs/no-such-pair", true)]
    [InlineData("admin/", false)]
    [InlineData("admin/", true)]
    [InlineData("admin/app.js", true)]
    [InlineData("admin/charts.js", true)]
    [InlineData("admin/login", false)]
    [InlineData("healthz", false)]
    [InlineData("metrics", false)]
    [InlineData("no/such/admin/path", false)]
    public async Task EveryAdminResponse_ForbidsSniffingFramingAndReferrers(string path, bool signedIn)
    {
        await using var gateway = await AdminGateway.StartAsync();
        using var client = signedIn ? gateway.Bearer(AdminGateway.Token) : gateway.AdminClient();

        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("admin/api/drift", true, HttpStatusCode.OK)]
    [InlineData("admin/api/pairs", true, HttpStatusCode.OK)]
    [InlineData("admin/api/pairs/no-such-pair", true, HttpStatusCode.NotFound)]
    [InlineData("admin/api/readiness", true, HttpStatusCode.BadRequest)]
    [InlineData("admin/api/drift", false, HttpStatusCode.Unauthorized)]
    public async Task ApiResponses_AreNeverStored(string path, bool signedIn, HttpStatusCode status)
    {
        await using var gateway = await AdminGateway.StartAsync();
        using var client = signedIn ? gateway.Bearer(AdminGateway.Token) : gateway.AdminClient();

        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(status, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, $"Cache-Control: {response.Headers.CacheControl}");
    }

    [Fact]
    public async Task ExplorerPolicy_AddsFrameAncestorsBaseUriAndFormAction()
    {
        await using var gateway = await AdminGateway.StartAsync();
        using var client = gateway.Bearer(AdminGateway.Token);

        using var response = await client.GetAsync("admin/", TestContext.Current.CancellationToken);

        var policy = Header(response, "Content-Security-Policy");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("base-uri 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("form-action 'self'", policy, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("admin/login", HttpStatusCode.OK)]
    [InlineData("admin/", HttpStatusCode.Unauthorized)]
    public async Task LoginPage_HasAStrictPolicyThatAllowsOnlyItsOwnInlineStyle(string path, HttpStatusCode status)
    {
        await using var gateway = await AdminGateway.StartAsync();
        using var client = gateway.AdminClient();

        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var style = InlineStyle().Match(html).Groups[1].Value;
        var policy = Header(response, "Content-Security-Policy");
        Assert.Equal(status, response.StatusCode);
        Assert.Contains("login-form", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains($"style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(style)))}'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", policy, StringComparison.Ordinal);
        Assert.Contains("form-action 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("base-uri 'none'", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProxyListener_GetsNoneOfTheAdminHeaders()
    {
        await using var gateway = await AdminGateway.StartAsync();
        using var proxy = gateway.ProxyClient();

        using var response = await proxy.GetAsync("no/such/route", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(response.Headers.Contains("X-Frame-Options"));
        Assert.False(response.Headers.Contains("Content-Security-Policy"));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : $"(no {name} header)";

    [GeneratedRegex("<style>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex InlineStyle();
}
