using ShadowProxy.Core.Drift.Tracking;
using ShadowProxy.Yarp.Pairs;

namespace ShadowProxy.Yarp.Admin;

/// <summary>The evidence behind drift: the pair list, one pair with its diff, and per-bucket history.</summary>
internal static class PairApiEndpoints
{
    private const int MaxPageSize = 200;

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/pairs", async (IPairStore store, string? route, string? metric, string? outcome, DateTimeOffset? since, DateTimeOffset? until, int? page, int? page_size, CancellationToken cancellationToken) =>
        {
            var query = new PairQuery(Empty(route), Empty(metric), Empty(outcome), since, until, Math.Max(page ?? 1, 1), Math.Clamp(page_size ?? 50, 1, MaxPageSize));
            var (total, items) = await store.QueryAsync(query, cancellationToken);
            return Results.Json(new PairPage(total, query.Page, query.PageSize, [.. items.Select(PairApiMapper.Summary)]), AdminJsonContext.Default.PairPage);
        });
        api.MapGet("/pairs/{id}", async (IPairStore store, string id, CancellationToken cancellationToken) =>
            await store.GetAsync(id, cancellationToken) is { } pair
                ? Results.Json(PairApiMapper.Detail(pair), AdminJsonContext.Default.PairDetail)
                : Results.Json(new ApiError($"no stored pair '{id}' (it may have expired)"), AdminJsonContext.Default.ApiError, statusCode: 404));
        api.MapGet("/history", async (IDriftWindowStore windows, DriftOptions options, string? route, string? model, CancellationToken cancellationToken) =>
            Results.Json(await DriftHistory.ReadAsync(windows, options, Empty(route), Empty(model), cancellationToken), AdminJsonContext.Default.HistoryResponse));
    }

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
