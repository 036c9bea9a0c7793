using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Time.Testing;
using ShadowProxy.Gateway.Hosting;
using ShadowProxy.Gateway.Tests.Infrastructure;

namespace ShadowProxy.Gateway.Tests.Admin;

/// <summary>
/// A real gateway with an admin token and, when given, a fake clock, so login throttling and session expiry can be
/// tested without waiting. Nothing is proxied: the primary address is never called.
/// </summary>
internal static class AdminGateway
{
    public const string Token = "admin-hardening-token-0123456789";

    public static Task<GatewayApp> StartAsync(FakeTimeProvider? time = null, IReadOnlyDictionary<string, string?>? settings = null, string token = Token)
    {
        var overrides = new Dictionary<string, string?> { ["Admin:Token"] = token };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            overrides[key] = value;
        }

        return TestGateway.StartAsync(new Uri("http://127.0.0.1:9/"), overrides, services: time is null ? null : s => s.AddSingleton<TimeProvider>(time));
    }

    public static HttpClient Bearer(this GatewayApp gateway, string token)
    {
        var client = gateway.AdminClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A client that keeps cookies and shows redirects instead of following them, like a browser's network tab.</summary>
    public static HttpClient Browser(this GatewayApp gateway, CookieContainer? cookies = null) =>
        new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = gateway.AdminUri };

    public static Task<HttpResponseMessage> LoginAsync(this HttpClient client, string token, Action<HttpRequestMessage>? configure = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "admin/login") { Content = new FormUrlEncodedContent([new("token", token)]) };
        configure?.Invoke(request);
        return client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>The session cookie's value from a login response's Set-Cookie header.</summary>
    public static string SessionCookie(HttpResponseMessage login)
    {
        var header = login.Headers.GetValues("Set-Cookie").Single(h => h.StartsWith("shadowproxy_admin=", StringComparison.Ordinal));
        return header["shadowproxy_admin=".Length..header.IndexOf(';', StringComparison.Ordinal)];
    }

    public static async Task<HttpStatusCode> GetWithCookieAsync(this GatewayApp gateway, string path, string cookie)
    {
        using var client = gateway.AdminClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", $"shadowproxy_admin={cookie}");
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}
