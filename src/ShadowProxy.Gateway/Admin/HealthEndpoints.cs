namespace ShadowProxy.Gateway.Admin;

/// <summary>Liveness and readiness for Kubernetes probes; always open, never behind the admin token.</summary>
internal static class HealthEndpoints
{
    public static void Map(IEndpointRouteBuilder admin)
    {
        admin.MapGet("/healthz", () => Results.Text("ok\n"));
        admin.MapGet("/readyz", (IServiceProvider services) =>
        {
            // Redis only carries shadow work: primary traffic is served without it, so its state is reported, not gated on.
            var redis = services.GetService<Storage.Redis.RedisConnection>();
            var state = redis is null ? null : redis.IsConnected ? "connected" : "disconnected";
            return Results.Json(new ReadinessReport("ready", state), AdminJsonContext.Default.ReadinessReport);
        });
    }
}
