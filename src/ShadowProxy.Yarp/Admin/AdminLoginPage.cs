using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;

namespace ShadowProxy.Yarp.Admin;

/// <summary>The server-rendered sign-in form, shown at admin/login and in place of any refused admin page.</summary>
internal static class AdminLoginPage
{
    private const string Style =
        "body{font:15px system-ui,sans-serif;display:grid;place-items:center;height:90vh;background:#f6f7f9}"
        + "form{background:#fff;padding:2rem;border-radius:8px;box-shadow:0 1px 4px #0002;display:grid;gap:.75rem}";

    // The page runs no script and its one inline style is allowed by hash, so nothing injected into it could run.
    private static readonly string Policy =
        $"default-src 'none'; style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Style)))}'; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static async Task WriteAsync(HttpContext context, int status, string? message = null)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.ContentSecurityPolicy = Policy;
        context.Response.Headers.CacheControl = "no-store";
        var notice = message is null ? "" : $"<p role=\"alert\">{HtmlEncoder.Default.Encode(message)}</p>";
        await context.Response.WriteAsync(
            $$"""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>ShadowProxy admin login</title>
            <style>{{Style}}</style></head>
            <body><form id="login-form" method="post" action="{{HtmlEncoder.Default.Encode(context.RequestServices.GetRequiredService<AdminMount>().Admin + "/login")}}"><h1>ShadowProxy</h1>{{notice}}
            <label for="token">Admin token</label><input id="token" name="token" type="password" autocomplete="current-password" required>
            <button type="submit">Sign in</button></form></body></html>
            """, context.RequestAborted);
    }
}
