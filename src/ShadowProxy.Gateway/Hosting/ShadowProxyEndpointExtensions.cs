using ShadowProxy.Gateway.Hosting.Listeners;
using ShadowProxy.Yarp.Admin;
using ShadowProxy.Yarp.Proxy;
using ShadowProxy.Yarp.Shadowing;
using ShadowProxy.Yarp.Telemetry;

namespace ShadowProxy.Gateway.Hosting;

internal static class ShadowProxyEndpointExtensions
{
    /// <summary>
    /// The property ASP.NET checks before adding the authentication middleware for a registered scheme. The admin
    /// policy names its scheme, so authorization authenticates admin requests itself; the automatic middleware would
    /// only open a DI scope on every proxied request. Should ASP.NET rename it, the middleware comes back: slower,
    /// never less secure.
    /// </summary>
    private const string AuthenticationMiddlewareSetKey = "__AuthenticationMiddlewareSet";

    /// <summary>
    /// The executable's endpoints, through the library's public API: the proxy routes on the proxy listener, the
    /// admin endpoints at the admin listener's root, and an OpenAI-shaped 404 for anything else.
    /// </summary>
    public static void MapShadowProxy(this WebApplication app)
    {
        ((IApplicationBuilder)app).Properties[AuthenticationMiddlewareSetKey] = true;
        app.Services.GetRequiredService<AdminMount>().ConnectionFilter = ListenerKinds.IsAdmin;
        app.MapShadowProxyAdmin().WithMetadata(AdminEndpointMetadata.Instance);
        app.MapReverseProxy(proxy =>
        {
            // Routing keeps admin endpoints off the proxy listener; proxy routes are kept off the admin listener here,
            // so routing needs no per-request policy for them (ListenerMatcherPolicy).
            proxy.Use(next => context => ListenerKinds.IsAdmin(context) ? NoRoute(context) : next(context));
            // UseShadowing's two steps with the executable's error shaping in the first, so the request metrics count
            // the status the client got and the capture sees the upstream's own answer.
            proxy.UseMiddleware<RequestMetricsMiddleware>(RequestMetricsMiddleware.Mode.ShapeUpstreamErrors);
            proxy.UseShadowCapture();
        });
        app.MapFallback(NoRoute);
    }

    private static Task NoRoute(HttpContext context) => GatewayError.WriteAsync(context, StatusCodes.Status404NotFound, "invalid_request_error",
        $"No route for {context.Request.Method} {context.Request.Path}; ShadowProxy forwards the configured routes such as /v1/...");
}
