using ShadowProxy.Gateway.Admin;
using ShadowProxy.Gateway.Hosting.Listeners;
using ShadowProxy.Gateway.Proxy;
using ShadowProxy.Gateway.Shadowing;

namespace ShadowProxy.Gateway.Hosting;

internal static class ShadowProxyEndpointExtensions
{
    /// <summary>Maps the proxy routes (proxy listener) and the admin endpoints (admin listener only).</summary>
    public static void MapShadowProxy(this WebApplication app)
    {
        var admin = app.MapGroup("/").WithMetadata(AdminEndpointMetadata.Instance);
        HealthEndpoints.Map(admin);

        app.MapReverseProxy(proxy =>
        {
            proxy.UseMiddleware<UpstreamErrorMiddleware>();
            proxy.UseShadowing();
        });
        app.MapFallback(context => OpenAiError.WriteAsync(context, StatusCodes.Status404NotFound, "invalid_request_error",
            $"No route for {context.Request.Method} {context.Request.Path}; ShadowProxy forwards the configured routes such as /v1/..."));
    }
}
