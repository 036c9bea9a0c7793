namespace ShadowProxy.Yarp.Admin;

/// <summary>Sign-in and sign-out for browsers; scripts send the bearer header instead.</summary>
internal static class AdminLoginEndpoints
{
    /// <summary>Open to anyone: these authenticate (or sign out) themselves.</summary>
    public static void Map(IEndpointRouteBuilder admin)
    {
        admin.MapGet("/login", context => AdminLoginPage.WriteAsync(context, StatusCodes.Status200OK)).AllowAnonymous();
        admin.MapPost("/login", LoginAsync).AllowAnonymous();
        admin.MapPost("/logout", LogoutAsync).AllowAnonymous();
    }

    private static async Task LoginAsync(HttpContext context, AdminCredentials credentials, AdminAuthThrottle throttle, AdminMount mount)
    {
        if (CrossSiteRequests.IsCrossSite(context.Request))
        {
            await AdminLoginPage.WriteAsync(context, StatusCodes.Status403Forbidden, "Sign-in is only accepted from this gateway's own login page.");
            return;
        }

        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
        var remote = context.Connection.RemoteIpAddress;
        if (!credentials.TokenRequired)
        {
            await AdminLoginPage.WriteAsync(context, StatusCodes.Status401Unauthorized, "Admin:Token is not set on this gateway, so there is nothing to sign in to.");
            return;
        }

        if (!credentials.TokenMatches(form?["token"].ToString() ?? ""))
        {
            await (throttle.RecordFailure(remote, out var wait)
                ? AdminRefusals.TooManyAttemptsAsync(context, wait)
                : AdminLoginPage.WriteAsync(context, StatusCodes.Status401Unauthorized, "That token was not accepted."));
            return;
        }

        if (throttle.IsThrottled(remote, out var retryAfter))
        {
            await AdminRefusals.TooManyAttemptsAsync(context, retryAfter);
            return;
        }

        context.Response.Cookies.Append(AdminCredentials.CookieName, credentials.IssueSession(), CookieOptions(context, mount, credentials.SessionLifetime));
        context.Response.Redirect($"{mount.Admin}/", permanent: false);
    }

    private static Task LogoutAsync(HttpContext context, AdminMount mount)
    {
        if (CrossSiteRequests.IsCrossSite(context.Request))
        {
            return AdminLoginPage.WriteAsync(context, StatusCodes.Status403Forbidden, "Sign-out is only accepted from this gateway's own pages.");
        }

        context.Response.Cookies.Delete(AdminCredentials.CookieName, CookieOptions(context, mount, maxAge: null));
        context.Response.Redirect($"{mount.Admin}/login", permanent: false);
        return Task.CompletedTask;
    }

    private static CookieOptions CookieOptions(HttpContext context, AdminMount mount, TimeSpan? maxAge) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps || CrossSiteRequests.Scheme(context.Request) == "https",
        Path = mount.Admin,
        MaxAge = maxAge,
    };
}
