using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ShadowProxy.Yarp.Admin;

/// <summary>
/// Liveness and readiness for Kubernetes probes as ASP.NET health checks; open unless the host adds a policy.
/// Liveness runs no check (a live process answers); readiness runs the checks tagged <see cref="ReadinessTag"/>.
/// </summary>
internal static class HealthEndpoints
{
    public const string ReadinessTag = "shadowproxy";

    public static void Map(IEndpointRouteBuilder admin)
    {
        admin.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            Predicate = static _ => false,
            ResponseWriter = static (context, _) => context.Response.WriteAsync("ok\n", context.RequestAborted),
        }).AllowAnonymous();
        admin.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = static check => check.Tags.Contains(ReadinessTag),
            ResponseWriter = WriteReadinessAsync,
        }).AllowAnonymous();
    }

    private static Task WriteReadinessAsync(HttpContext context, HealthReport report)
    {
        var redis = report.Entries.TryGetValue(RedisHealthCheck.Name, out var entry) ? entry.Data.GetValueOrDefault(RedisHealthCheck.StateKey) as string : null;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsJsonAsync(new ReadinessReport(report.Status == HealthStatus.Unhealthy ? "unhealthy" : "ready", redis),
            AdminJsonContext.Default.ReadinessReport, cancellationToken: context.RequestAborted);
    }
}
