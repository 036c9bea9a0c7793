using ShadowProxy.Gateway.Hosting.Listeners;
using ShadowProxy.Yarp.Admin;
using ShadowProxy.Yarp.Proxy;
using ShadowProxy.Yarp.Shadowing;
using ShadowProxy.Yarp.Telemetry;

namespace ShadowProxy.Gateway.Hosting;

internal static class ShadowProxyEndpointExtensions
{
    /// <summary>
    /// The executable's endpoints, through the library's public API: the proxy routes on the proxy listener, the
    /// admin endpoints at the admin listener's root, and an OpenAI-shaped 404 for anything else.
    /// </summary>
    public static void MapShadowProxy(this WebApplication app)
    {
        app.Services.GetRequiredService<AdminMount>().ConnectionFilter = ListenerKinds.IsAdmin;
        app.MapShadowProxyAdmin().WithMetadata(AdminEndpointMetadata.Instance);
        app.MapReverseProxy(proxy =>
        {
            // UseShadowing's two steps with the executable's error shaping between them, so the request metrics
            // count the status the client got and the capture sees the upstream's own answer.
            proxy.UseMiddleware<RequestMetricsMiddleware>();
            proxy.UseMiddleware<UpstreamErrorMiddleware>();
            proxy.UseShadowCapture();
        });
        app.MapFallback(context => GatewayError.WriteAsync(context, StatusCodes.Status404NotFound, "invalid_request_error",
            $"No route for {context.Request.Method} {context.Request.Path}; ShadowProxy forwards the configured routes such as /v1/..."));
    }
}
