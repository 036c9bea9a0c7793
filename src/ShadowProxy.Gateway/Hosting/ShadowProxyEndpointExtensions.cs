using ShadowProxy.Gateway.Admin;
using ShadowProxy.Gateway.Drift;
using ShadowProxy.Gateway.Hosting.Listeners;
using ShadowProxy.Gateway.Proxy;
using Prometheus;
using ShadowProxy.Gateway.Shadowing;
using ShadowProxy.Gateway.Telemetry;

namespace ShadowProxy.Gateway.Hosting;

internal static class ShadowProxyEndpointExtensions
{
    /// <summary>Maps the proxy routes (proxy listener) and the admin endpoints (admin listener only).</summary>
    public static void MapShadowProxy(this WebApplication app)
    {
        // Headers first, so the auth middleware's refusals carry them too.
        app.UseMiddleware<AdminSecurityHeadersMiddleware>();
        app.UseMiddleware<AdminAuthMiddleware>();
        var admin = app.MapGroup("/").WithMetadata(AdminEndpointMetadata.Instance);
        HealthEndpoints.Map(admin);
        AdminApiEndpoints.Map(admin);
        AdminPages.Map(admin);
        AdminLoginEndpoints.Map(admin);
        app.Services.GetRequiredService<ShadowProxyInstrumentation>().ObserveDrift(() => app.Services.GetRequiredService<DriftMonitor>().Latest);
        admin.MapMetrics("/metrics", app.Services.GetRequiredService<PrometheusMeterBridge>().Registry);

        app.MapReverseProxy(proxy =>
        {
            proxy.UseMiddleware<RequestMetricsMiddleware>();
            proxy.UseMiddleware<UpstreamErrorMiddleware>();
            proxy.UseShadowing();
        });
        app.MapFallback(context => GatewayError.WriteAsync(context, StatusCodes.Status404NotFound, "invalid_request_error",
            $"No route for {context.Request.Method} {context.Request.Path}; ShadowProxy forwards the configured routes such as /v1/..."));
    }
}
