using System.Reflection;
using Microsoft.Extensions.Options;
using ShadowProxy.Gateway.Hosting;

namespace ShadowProxy.Gateway.Admin;

/// <summary>The explorer's three static files (embedded, so a read-only container needs nothing on disk) and login.</summary>
internal static class AdminPages
{
    private static readonly Dictionary<string, string> Files = new(StringComparer.Ordinal)
    {
        ["index.html"] = "text/html; charset=utf-8",
        ["app.js"] = "text/javascript; charset=utf-8",
        ["app.css"] = "text/css; charset=utf-8",
    };

    public static void Map(IEndpointRouteBuilder admin)
    {
        admin.MapGet("/admin/{file?}", (HttpContext context, string? file) =>
        {
            // The page's relative API URLs need the trailing slash.
            if (file is null && !context.Request.Path.Value!.EndsWith('/'))
            {
                context.Response.Redirect("/admin/");
                return Task.CompletedTask;
            }

            return ServeAsync(context, file ?? "index.html");
        });
        admin.MapGet("/admin/login", context => LoginAsync(context, StatusCodes.Status200OK));
        admin.MapPost("/admin/login", async (HttpContext context, IOptionsMonitor<AdminOptions> options) =>
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var token = options.CurrentValue.Token;
            if (string.IsNullOrEmpty(token) || !AdminAuthMiddleware.IsAuthorized(WithBearer(context, form["token"].ToString()), token))
            {
                await LoginAsync(context, StatusCodes.Status401Unauthorized);
                return;
            }

            context.Response.Cookies.Append(AdminAuthMiddleware.CookieName, AdminAuthMiddleware.CookieValue(token), new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = context.Request.IsHttps || context.Request.Headers["X-Forwarded-Proto"] == "https",
                Path = "/admin",
                MaxAge = TimeSpan.FromHours(12),
            });
            context.Response.Redirect("/admin/", permanent: false);
        });
    }

    public static async Task LoginAsync(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>ShadowProxy admin login</title>
            <style>body{font:15px system-ui,sans-serif;display:grid;place-items:center;height:90vh;background:#f6f7f9}
            form{background:#fff;padding:2rem;border-radius:8px;box-shadow:0 1px 4px #0002;display:grid;gap:.75rem}</style></head>
            <body><form id="login-form" method="post" action="/admin/login"><h1>ShadowProxy</h1>
            <label for="token">Admin token</label><input id="token" name="token" type="password" autocomplete="current-password" required>
            <button type="submit">Sign in</button></form></body></html>
            """, context.RequestAborted);
    }

    private static async Task ServeAsync(HttpContext context, string file)
    {
        if (!Files.TryGetValue(file, out var contentType) || Assembly.GetExecutingAssembly().GetManifestResourceStream($"admin/{file}") is not { } stream)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        await using (stream)
        {
            context.Response.ContentType = contentType;
            context.Response.Headers.CacheControl = "no-cache";
            context.Response.Headers["Content-Security-Policy"] = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:";
            await stream.CopyToAsync(context.Response.Body, context.RequestAborted);
        }
    }

    private static HttpRequest WithBearer(HttpContext context, string token)
    {
        context.Request.Headers.Authorization = "Bearer " + token;
        return context.Request;
    }
}
