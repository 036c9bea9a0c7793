using System.Diagnostics.CodeAnalysis;
using Prometheus;
using ShadowProxy.Yarp;
using ShadowProxy.Yarp.Admin;
using ShadowProxy.Yarp.Drift;
using ShadowProxy.Yarp.Telemetry;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps ShadowProxy's admin endpoints.</summary>
public static class ShadowProxyAdminEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps, below <paramref name="prefix"/>: <c>healthz</c> and <c>readyz</c> (ASP.NET health checks),
    /// <c>metrics</c> (Prometheus), and <c>admin/</c> — the drift explorer, its JSON API and sign-in, which require
    /// <see cref="ShadowProxyAdminDefaults.Policy"/> (the <c>Admin:Token</c>). Mapped once per application.
    /// </summary>
    /// <param name="endpoints">The application.</param>
    /// <param name="prefix">Where to map them, e.g. <c>/shadow</c>.</param>
    /// <returns>A builder for every admin endpoint, so the host can add its own <c>RequireAuthorization</c>, host or port filter.</returns>
    public static IEndpointConventionBuilder MapShadowProxyAdmin(this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string prefix = "/")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var services = endpoints.ServiceProvider;
        services.GetRequiredService<AdminMount>().MapAt(new PathString(prefix == "/" ? "" : prefix));
        services.GetRequiredService<ShadowProxyInstrumentation>().ObserveDrift(() => services.GetRequiredService<DriftMonitor>().Latest);

        var group = endpoints.MapGroup(prefix);
        HealthEndpoints.Map(group);
        group.MapMetrics("/metrics", services.GetRequiredService<PrometheusMeterBridge>().Registry);
        var admin = group.MapGroup("/admin").RequireAuthorization(ShadowProxyAdminDefaults.Policy);
        AdminApiEndpoints.Map(admin);
        AdminPages.Map(admin);
        AdminLoginEndpoints.Map(admin);
        return group;
    }
}
