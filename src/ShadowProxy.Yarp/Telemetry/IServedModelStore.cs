namespace ShadowProxy.Yarp.Telemetry;

/// <summary>
/// What each route's sides serve and every change seen: in this process by default, in Redis when configured, so
/// every replica reports the same history and each change is counted by exactly one of them.
/// </summary>
internal interface IServedModelStore
{
    /// <returns>The change this observation makes, or null (the same model, or older than the newest seen).</returns>
    Task<ServedModelEvent?> ObserveAsync(string route, string side, string? model, string? fingerprint, DateTimeOffset at, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<(string Route, string Side), ServedModel>> CurrentAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<ServedModelEvent>> EventsAsync(CancellationToken cancellationToken);
}
