using ShadowProxy.Core.Drift.Tracking;
using ShadowProxy.Yarp.Drift;

namespace ShadowProxy.Yarp.Admin;

/// <summary>
/// `POST /admin/api/drift/accept`: an operator acknowledges a real change on a route, so its alerts clear and its
/// metrics are re-based on the new behaviour. The state is shared through the drift store, so every replica agrees.
/// </summary>
internal static class DriftAcceptEndpoint
{
    public static void Map(RouteGroupBuilder api) => api.MapPost("/drift/accept", AcceptAsync);

    private static async Task<IResult> AcceptAsync(HttpContext context, DriftTracker tracker, DriftMonitor monitor, CancellationToken cancellationToken)
    {
        if (CrossSiteRequests.IsCrossSite(context.Request))
        {
            return Error("cross-site requests may not change drift state", StatusCodes.Status403Forbidden);
        }

        DriftAcceptRequest? request;
        try
        {
            request = await context.Request.ReadFromJsonAsync(AdminJsonContext.Default.DriftAcceptRequest, cancellationToken);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
        {
            return Error($"the body must be JSON like {{\"route\":\"openai\",\"metric\":null,\"reason\":\"...\"}}: {e.Message}", StatusCodes.Status400BadRequest);
        }

        if (string.IsNullOrEmpty(request?.Route))
        {
            return Error("'route' is required", StatusCodes.Status400BadRequest);
        }

        IReadOnlyList<(DriftKey Key, DriftAcceptance Acceptance)> accepted;
        try
        {
            accepted = await tracker.AcceptAsync(request.Route, request.Metric, request.By, request.Reason, cancellationToken);
        }
        catch (ArgumentException e)
        {
            return Error(e.Message, StatusCodes.Status400BadRequest);
        }
        catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException or InvalidOperationException)
        {
            return Error($"the drift store did not take the accept: {e.Message}", StatusCodes.Status503ServiceUnavailable);
        }

        if (accepted.Count == 0)
        {
            return Error($"route '{request.Route}' has no drift state to accept", StatusCodes.Status404NotFound);
        }

        // Re-evaluate now, so the gauges (and the alerts on them) clear without waiting for the next tick.
        await monitor.RefreshAsync(cancellationToken);
        var response = new DriftAcceptResponse(request.Route,
            [.. accepted.Select(a => new AcceptedKeyDto(a.Key.PrimaryModel, a.Key.BaselineModel, DriftApiMapper.Acceptance(a.Acceptance)))]);
        return Results.Json(response, AdminJsonContext.Default.DriftAcceptResponse);
    }

    private static IResult Error(string message, int status) => Results.Json(new ApiError(message), AdminJsonContext.Default.ApiError, statusCode: status);
}
