using System.Diagnostics;
using ShadowProxy.Yarp.Pairs;

namespace ShadowProxy.Yarp.Telemetry;

/// <summary>
/// Watches the `model` and `system_fingerprint` each side reports. A change is often the first sign that a provider
/// swapped the model behind a name, so it is logged, counted and kept as an event for the drift API.
/// </summary>
internal sealed partial class ServedModelTracker(IServedModelStore store, ShadowProxyInstrumentation instrumentation, ILogger<ServedModelTracker> logger) : IPairObserver
{
    public async ValueTask OnPairAsync(PairRecord pair, CancellationToken cancellationToken)
    {
        await ObserveAsync(pair.RouteId, "primary", pair.PrimaryModel, pair.PrimaryFingerprint, pair.StartedAt, cancellationToken);
        await ObserveAsync(pair.RouteId, "baseline", pair.BaselineModel, pair.BaselineFingerprint, pair.StartedAt, cancellationToken);
    }

    private async Task ObserveAsync(string route, string side, string? model, string? fingerprint, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (model is null && fingerprint is null)
        {
            return;
        }

        if (await store.ObserveAsync(route, side, model, fingerprint, at, cancellationToken) is { } change)
        {
            instrumentation.ServedModelChangesCounter.Add(1, new TagList { { "route", route }, { "side", side } });
            LogChanged(logger, route, side, change.FromModel, change.FromFingerprint, model, fingerprint);
        }
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Served model changed on route {Route} ({Side}): {FromModel}/{FromFingerprint} -> {ToModel}/{ToFingerprint}")]
    private static partial void LogChanged(ILogger logger, string route, string side, string? fromModel, string? fromFingerprint, string? toModel, string? toFingerprint);
}
