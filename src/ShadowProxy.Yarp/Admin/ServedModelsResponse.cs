using ShadowProxy.Yarp.Telemetry;

namespace ShadowProxy.Yarp.Admin;

/// <summary>`GET /admin/api/models`: what each route's sides serve now, and every change seen.</summary>
internal sealed record ServedModelsResponse(IReadOnlyList<ServedModelNow> Current, IReadOnlyList<ServedModelChange> Changes)
{
    public static async Task<ServedModelsResponse> FromAsync(IServedModelStore store, CancellationToken cancellationToken) => new(
        [.. (await store.CurrentAsync(cancellationToken)).Select(p => new ServedModelNow(p.Key.Route, p.Key.Side, p.Value.Model, p.Value.Fingerprint, p.Value.FirstSeen, p.Value.LastSeen))],
        [.. (await store.EventsAsync(cancellationToken)).Select(e => new ServedModelChange(e.Route, e.Side, e.FromModel, e.FromFingerprint, e.ToModel, e.ToFingerprint, e.At))]);
}

internal sealed record ServedModelNow(string Route, string Side, string? Model, string? Fingerprint, DateTimeOffset FirstSeen, DateTimeOffset LastSeen);

internal sealed record ServedModelChange(string Route, string Side, string? FromModel, string? FromFingerprint, string? ToModel, string? ToFingerprint, DateTimeOffset At);
