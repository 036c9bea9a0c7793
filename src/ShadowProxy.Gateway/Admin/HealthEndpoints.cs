namespace ShadowProxy.Gateway.Admin;

/// <summary>Liveness and readiness for Kubernetes probes; always open, never behind the admin token.</summary>
internal static class HealthEndpoints
{
    public static void Map(IEndpointRouteBuilder admin)
    {
        admin.MapGet("/healthz", () => Results.Text("ok\n"));
        admin.MapGet("/readyz", () => Results.Json(new ReadinessReport("ready"), AdminJsonContext.Default.ReadinessReport));
    }
}
