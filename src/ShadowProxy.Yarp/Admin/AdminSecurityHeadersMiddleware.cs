namespace ShadowProxy.Yarp.Admin;

/// <summary>
/// Browser hardening for everything the admin endpoints answer. Applied as the headers go out, so refusals,
/// errors and 404s carry them too and no handler can forget them.
/// </summary>
internal sealed class AdminSecurityHeadersMiddleware(RequestDelegate next, AdminMount mount)
{
    // Responses without a policy of their own (JSON, metrics, refusals) are data: they may load, frame or post nothing.
    private const string DefaultPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        if (mount.Contains(context))
        {
            context.Response.OnStarting(static state =>
            {
                Apply((HttpContext)state);
                return Task.CompletedTask;
            }, context);
        }

        return next(context);
    }

    private static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        if (!headers.ContainsKey("Content-Security-Policy"))
        {
            headers.ContentSecurityPolicy = DefaultPolicy;
        }

        // Evidence holds prompts and answers; no browser or proxy cache may keep a copy.
        if (context.RequestServices.GetRequiredService<AdminMount>().IsApi(context))
        {
            headers.CacheControl = "no-store";
        }
    }
}
