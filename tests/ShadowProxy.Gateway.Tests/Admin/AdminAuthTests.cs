using System.Net;
using ShadowProxy.Gateway.Tests.Infrastructure;

namespace ShadowProxy.Gateway.Tests.Admin;

[Collection(DriftedGatewayGroup.Name)]
public sealed class AdminAuthTests(DriftedGatewayFixture fixture)
{
    [Theory]
    [InlineData(null)]
    [InlineData("wrong-token")]
    [InlineData("admin-token-for-tests-012345678")]
    public async Task ApiAndPage_WithoutTheRightToken_Get401(string? token)
    {
        using var admin = fixture.AdminClient(token);

        using var api = await admin.GetAsync("admin/api/drift", TestContext.Current.CancellationToken);
        using var page = await admin.GetAsync("admin/", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, page.StatusCode);
        Assert.Contains("login-form", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("admin/api/drift")]
    [InlineData("admin/api/pairs")]
    [InlineData("admin/api/models")]
    [InlineData("admin/api/history?route=openai")]
    [InlineData("admin/")]
    [InlineData("admin/app.js")]
    [InlineData("admin/pair-view.js")]
    public async Task RightBearerToken_Gets200(string path)
    {
        using var admin = fixture.AdminClient();

        using var response = await admin.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("healthz")]
    [InlineData("readyz")]
    [InlineData("metrics")]
    public async Task ProbesAndMetrics_StayOpen(string path)
    {
        using var admin = fixture.AdminClient(token: null);

        using var response = await admin.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task LoginForm_SetsAnHttpOnlyCookieThatOpensThePage_WithoutEchoingTheToken()
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var browser = new HttpClient(handler) { BaseAddress = fixture.Gateway.AdminUri };

        using var wrong = await browser.PostAsync("admin/login", new FormUrlEncodedContent([new("token", "nope")]), TestContext.Current.CancellationToken);
        using var login = await browser.PostAsync("admin/login", new FormUrlEncodedContent([new("token", DriftedGatewayFixture.AdminToken)]), TestContext.Current.CancellationToken);
        using var page = await browser.GetAsync("admin/", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var setCookie = string.Join(";", login.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(DriftedGatewayFixture.AdminToken, setCookie, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}
