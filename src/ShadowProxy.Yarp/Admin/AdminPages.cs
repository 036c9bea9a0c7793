using System.Collections.Frozen;
using System.Reflection;

namespace ShadowProxy.Yarp.Admin;

/// <summary>
/// The explorer's static files (the page, its stylesheet and its native ES modules, no build step), embedded so a
/// read-only container needs nothing on disk. What is served is exactly what the project embeds under admin/.
/// </summary>
internal static class AdminPages
{
    private const string ResourcePrefix = "admin/";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
    };

    private static readonly FrozenDictionary<string, string> Files = Assembly.GetExecutingAssembly().GetManifestResourceNames()
        .Where(static name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && ContentTypes.ContainsKey(Path.GetExtension(name)))
        .ToFrozenDictionary(static name => name[ResourcePrefix.Length..], static name => ContentTypes[Path.GetExtension(name)], StringComparer.Ordinal);

    public static void Map(IEndpointRouteBuilder admin)
    {
        admin.MapGet("/{file?}", (HttpContext context, string? file) =>
        {
            // The page's relative API URLs need the trailing slash.
            if (file is null && !context.Request.Path.Value!.EndsWith('/'))
            {
                context.Response.Redirect($"{context.Request.PathBase}{context.Request.Path}/");
                return Task.CompletedTask;
            }

            return ServeAsync(context, file ?? "index.html");
        });
    }

    private static async Task ServeAsync(HttpContext context, string file)
    {
        if (!Files.TryGetValue(file, out var contentType) || Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourcePrefix + file) is not { } stream)
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
