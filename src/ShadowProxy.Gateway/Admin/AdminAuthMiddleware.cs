using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using ShadowProxy.Gateway.Hosting;
using ShadowProxy.Gateway.Hosting.Listeners;

namespace ShadowProxy.Gateway.Admin;

/// <summary>
/// Guards /admin/* when Admin:Token is set: a bearer header or the login cookie, compared in constant time.
/// Health, readiness and /metrics are outside /admin and stay open for probes and Prometheus.
/// </summary>
internal sealed class AdminAuthMiddleware(RequestDelegate next, IOptionsMonitor<AdminOptions> options)
{
    public const string CookieName = "shadowproxy_admin";

    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (!ListenerKinds.IsAdmin(context) || !path.StartsWithSegments("/admin") || path.StartsWithSegments("/admin/login") || IsAuthorized(context.Request, options.CurrentValue.Token))
        {
            return next(context);
        }

        return path.StartsWithSegments("/admin/api")
            ? Results.Json(new ApiError("unauthorized: send 'Authorization: Bearer <Admin:Token>' or log in at /admin/login"), AdminJsonContext.Default.ApiError, statusCode: 401).ExecuteAsync(context)
            : AdminPages.LoginAsync(context, StatusCodes.Status401Unauthorized);
    }

    public static bool IsAuthorized(HttpRequest request, string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return true;
        }

        var expected = Digest(token);
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && Matches(Digest(header["Bearer ".Length..].Trim()), expected))
        {
            return true;
        }

        return request.Cookies.TryGetValue(CookieName, out var cookie) && Matches(Encoding.ASCII.GetBytes(cookie), Encoding.ASCII.GetBytes(CookieValue(token)));
    }

    /// <summary>The cookie carries a digest of the token, never the token itself.</summary>
    public static string CookieValue(string token) => Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(token), "shadowproxy-admin-cookie"u8));

    private static byte[] Digest(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));

    private static bool Matches(ReadOnlySpan<byte> actual, ReadOnlySpan<byte> expected) => CryptographicOperations.FixedTimeEquals(actual, expected);
}
