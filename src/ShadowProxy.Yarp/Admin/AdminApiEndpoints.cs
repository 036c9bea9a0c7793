using Microsoft.Extensions.Options;
using ShadowProxy.Yarp.Drift;
using ShadowProxy.Yarp.Probes;
using ShadowProxy.Yarp.Telemetry;

namespace ShadowProxy.Yarp.Admin;

/// <summary>The admin JSON API: drift, the metric catalogue, rollout readiness and served-model history.</summary>
internal static class AdminApiEndpoints
{
    public static void Map(IEndpointRouteBuilder admin)
    {
        var api = admin.MapGroup("/api");
        api.MapGet("/drift", async (DriftMonitor monitor, IServedModelStore models, IProbeAccuracyStore probes, bool? refresh, CancellationToken cancellationToken) =>
        {
            var report = refresh == true ? await monitor.RefreshAsync(cancellationToken) : monitor.Latest;
            return Results.Json(DriftApiMapper.Map(report, await models.EventsAsync(cancellationToken), await probes.SnapshotAsync(cancellationToken)), AdminJsonContext.Default.DriftResponse);
        });
        DriftAcceptEndpoint.Map(api);
        api.MapGet("/metrics", () => Results.Json(MetricCatalogueResponse.Current, AdminJsonContext.Default.MetricCatalogueResponse));
        api.MapGet("/readiness", async (string? route, bool? refresh, DriftMonitor monitor, IOptionsMonitor<ReadinessOptions> options, CancellationToken cancellationToken) =>
        {
            if (string.IsNullOrEmpty(route))
            {
                return Results.Json(new ApiError("the 'route' query parameter is required"), AdminJsonContext.Default.ApiError, statusCode: 400);
            }

            var report = refresh == true ? await monitor.RefreshAsync(cancellationToken) : monitor.Latest;
            var verdict = ReadinessGate.Evaluate(report, route, options.CurrentValue);
            return Results.Json(verdict, AdminJsonContext.Default.ReadinessVerdict, statusCode: verdict.Pass ? 200 : 409);
        });
        PairApiEndpoints.Map(api);
        api.MapGet("/models", async (IServedModelStore models, CancellationToken cancellationToken) =>
            Results.Json(await ServedModelsResponse.FromAsync(models, cancellationToken), AdminJsonContext.Default.ServedModelsResponse));
    }
}
