using ShadowProxy.Gateway.Hosting.Listeners;

namespace ShadowProxy.Gateway.Admin;

/// <summary>
/// Guards /admin/* when Admin:Token is set: a valid session cookie or the bearer token. Wrong bearer tokens count
/// towards the per-address throttle; a request with no credentials is only shown the login page.
/// Health, readiness and /metrics are outside /admin and stay open for probes and Prometheus.
/// </summary>
internal sealed class AdminAuthMiddleware(RequestDelegate next, AdminCredentials credentials, AdminAuthThrottle throttle)
{
    private const string BearerPrefix = "Bearer ";

    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (!ListenerKinds.IsAdmin(context) || !path.StartsWithSegments("/admin") || AdminLoginEndpoints.Handles(path) || !credentials.TokenRequired)
        {
            return next(context);
        }

        // A session cookie is not a guessable secret, so a signed-in browser keeps working while its address is throttled.
        if (context.Request.Cookies.TryGetValue(AdminCredentials.CookieName, out var cookie))
        {
            if (credentials.IsValidSession(cookie))
            {
                return next(context);
            }

            context.Response.Cookies.Delete(AdminCredentials.CookieName, new CookieOptions { Path = "/admin" });
        }

        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return AdminRefusals.UnauthorizedAsync(context);
        }

        var remote = context.Connection.RemoteIpAddress;
        if (!credentials.TokenMatches(header[BearerPrefix.Length..].Trim()))
        {
            return throttle.RecordFailure(remote, out var wait) ? AdminRefusals.TooManyAttemptsAsync(context, wait) : AdminRefusals.UnauthorizedAsync(context);
        }

        return throttle.IsThrottled(remote, out var retryAfter) ? AdminRefusals.TooManyAttemptsAsync(context, retryAfter) : next(context);
    }
}
