using System.Net;

namespace ShadowProxy.Gateway.Tests.Admin;

/// <summary>
/// The login form only accepts posts from its own origin, so another site cannot sign a browser in or out.
/// <c>Origin: null</c> with <c>Sec-Fetch-Site: same-origin</c> is what a browser sends for our own forms under
/// <c>Referrer-Policy: no-referrer</c> (ExplorerBrowserTests signs in exactly that way).
/// </summary>
public sealed class AdminLoginOriginTests
{
    [Theory]
    [InlineData("https://attacker.example", null)]
    [InlineData("null", null)]
    [InlineData("null", "same-site")]
    [InlineData("null", "cross-site")]
    [InlineData("http://127.0.0.1:1", null)]
    [InlineData("https://127.0.0.1:{port}", null)]
    [InlineData(null, "cross-site")]
    [InlineData("http://127.0.0.1:{port}", "cross-site")]
    public async Task CrossSiteLogin_IsRefusedWith403(string? origin, string? fetchSite)
    {
        await using var gateway = await AdminGateway.StartAsync();
        using var browser = gateway.Browser();

        using var response = await browser.LoginAsync(AdminGateway.Token, request => AddBrowserHeaders(request, gateway.AdminUri, origin, fetchSite));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("http://127.0.0.1:{port}", "same-origin")]
    [InlineData("http://127.0.0.1:{port}", null)]
    [InlineData(null, "none")]
    [InlineData("null", "same-origin")]
    public async Task SameOriginOrNonBrowserLogin_IsAccepted(string? origin, string? fetchSite)
    {
        await using var gateway = await AdminGateway.StartAsync();
        using var browser = gateway.Browser();

        using var response = await browser.LoginAsync(AdminGateway.Token, request => AddBrowserHeaders(request, gateway.AdminUri, origin, fetchSite));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task BehindATlsIngress_TheHttpsOriginMatches()
    {
        await using var gateway = await AdminGateway.StartAsync();
        using var browser = gateway.Browser();

        using var response = await browser.LoginAsync(AdminGateway.Token, request =>
        {
            request.Headers.Host = "admin.example.com";
            request.Headers.Add("Origin", "https://admin.example.com");
            request.Headers.Add("X-Forwarded-Proto", "https");
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("secure", string.Join(";", response.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task CrossSiteLogout_IsRefused()
    {
        await using var gateway = await AdminGateway.StartAsync();
        using var browser = gateway.Browser();
        using var request = new HttpRequestMessage(HttpMethod.Post, "admin/logout");
        request.Headers.Add("Origin", "https://attacker.example");

        using var response = await browser.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static void AddBrowserHeaders(HttpRequestMessage request, Uri admin, string? origin, string? fetchSite)
    {
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin.Replace("{port}", admin.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        }

        if (fetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        }
    }
}
