using System.Globalization;
using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace ShadowProxy.Gateway.Tests.Admin;

/// <summary>The login cookie is an expiring signed session the server checks itself, not a fixed digest of the token.</summary>
public sealed class AdminSessionTests
{
    [Fact]
    public async Task Login_IssuesVersionExpiryNonceSignature_ThatTheServerExpires()
    {
        var time = new FakeTimeProvider();
        await using var gateway = await AdminGateway.StartAsync(time);
        using var browser = gateway.Browser();

        using var login = await browser.LoginAsync(AdminGateway.Token);
        using var again = await browser.LoginAsync(AdminGateway.Token);
        var cookie = AdminGateway.SessionCookie(login);
        var parts = cookie.Split('.');
        var fresh = await gateway.GetWithCookieAsync("admin/api/drift", cookie);
        time.Advance(TimeSpan.FromHours(12) - TimeSpan.FromSeconds(1));
        var nearlyExpired = await gateway.GetWithCookieAsync("admin/api/drift", cookie);
        time.Advance(TimeSpan.FromSeconds(2));
        var expired = await gateway.GetWithCookieAsync("admin/api/drift", cookie);

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal(4, parts.Length);
        Assert.Equal("v1", parts[0]);
        Assert.Equal((time.Start + TimeSpan.FromHours(12)).ToUnixTimeSeconds(), long.Parse(parts[1], CultureInfo.InvariantCulture));
        Assert.NotEqual(cookie, AdminGateway.SessionCookie(again));
        Assert.Contains("max-age=43200", string.Join(";", login.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, fresh);
        Assert.Equal(HttpStatusCode.OK, nearlyExpired);
        Assert.Equal(HttpStatusCode.Unauthorized, expired);
    }

    [Fact]
    public async Task TamperedCookie_IsRefused()
    {
        var time = new FakeTimeProvider();
        await using var gateway = await AdminGateway.StartAsync(time);
        using var browser = gateway.Browser();
        using var login = await browser.LoginAsync(AdminGateway.Token);
        var parts = AdminGateway.SessionCookie(login).Split('.');
        var later = (time.GetUtcNow() + TimeSpan.FromDays(365)).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var flipped = parts[3][..^2] + (parts[3][^2] == 'A' ? 'B' : 'A') + parts[3][^1];

        string[] forged =
        [
            string.Join('.', parts[0], later, parts[2], parts[3]),
            string.Join('.', parts[0], parts[1], parts[2] + "x", parts[3]),
            string.Join('.', parts[0], parts[1], parts[2], flipped),
            string.Join('.', "v2", parts[1], parts[2], parts[3]),
            string.Join('.', parts[0], parts[1], parts[2]),
            string.Join('.', parts[0], parts[1], parts[2], parts[3], "extra"),
            string.Join('.', parts[0], parts[1], parts[2], ""),
            "garbage",
        ];
        var statuses = await Task.WhenAll(forged.Select(c => gateway.GetWithCookieAsync("admin/api/drift", c)));

        Assert.Equal(HttpStatusCode.OK, await gateway.GetWithCookieAsync("admin/api/drift", string.Join('.', parts)));
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
    }

    [Fact]
    public async Task ReplicasSharingTheToken_AcceptEachOthersSessions_AndAnotherTokenRevokesThem()
    {
        await using var first = await AdminGateway.StartAsync();
        await using var replica = await AdminGateway.StartAsync();
        await using var rotated = await AdminGateway.StartAsync(token: "rotated-admin-token-9876543210");
        using var browser = first.Browser();
        using var login = await browser.LoginAsync(AdminGateway.Token);
        var cookie = AdminGateway.SessionCookie(login);

        Assert.Equal(HttpStatusCode.OK, await replica.GetWithCookieAsync("admin/", cookie));
        Assert.Equal(HttpStatusCode.Unauthorized, await rotated.GetWithCookieAsync("admin/", cookie));
    }

    [Fact]
    public async Task SessionLifetime_SetsTheCookieAgeAndTheServerSideExpiry()
    {
        var time = new FakeTimeProvider();
        await using var gateway = await AdminGateway.StartAsync(time, new Dictionary<string, string?> { ["Admin:SessionLifetime"] = "00:30:00" });
        using var browser = gateway.Browser();
        using var login = await browser.LoginAsync(AdminGateway.Token);
        var cookie = AdminGateway.SessionCookie(login);
        time.Advance(TimeSpan.FromMinutes(31));

        Assert.Contains("max-age=1800", string.Join(";", login.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Unauthorized, await gateway.GetWithCookieAsync("admin/api/drift", cookie));
    }

    [Fact]
    public async Task Logout_ClearsTheCookie()
    {
        await using var gateway = await AdminGateway.StartAsync();
        var cookies = new CookieContainer();
        using var browser = gateway.Browser(cookies);
        using var login = await browser.LoginAsync(AdminGateway.Token);
        using var signedIn = await browser.GetAsync("admin/", TestContext.Current.CancellationToken);

        using var logout = await browser.PostAsync("admin/logout", content: null, TestContext.Current.CancellationToken);
        using var signedOut = await browser.GetAsync("admin/", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.DoesNotContain(cookies.GetCookies(gateway.AdminUri), c => c.Name == "shadowproxy_admin" && !c.Expired && c.Value.Length > 0);
        Assert.Equal(HttpStatusCode.Unauthorized, signedOut.StatusCode);
    }
}
