using System.Reflection;

namespace ShadowProxy.Gateway.Admin;

/// <summary>The explorer's three static files, embedded so a read-only container needs nothing on disk.</summary>
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
            context.Response.Headers["Content-Security-Policy"] = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
            await stream.CopyToAsync(context.Response.Body, context.RequestAborted);
        }
    }
}
