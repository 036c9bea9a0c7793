using System.Diagnostics;
using ShadowProxy.Gateway.Pairs;

namespace ShadowProxy.Gateway.Telemetry;

/// <summary>
/// Watches the `model` and `system_fingerprint` each side reports. A change is often the first sign that a provider
/// swapped the model behind a name, so it is logged, counted and kept as an event for the drift API.
/// </summary>
internal sealed partial class ServedModelTracker(ShadowProxyInstrumentation instrumentation, ILogger<ServedModelTracker> logger) : IPairObserver
{
    private const int MaxEvents = 500;
    private readonly Dictionary<(string Route, string Side), ServedModel> _current = [];
    private readonly Queue<ServedModelEvent> _events = new();
    private readonly Lock _gate = new();

    public IReadOnlyList<ServedModelEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    public IReadOnlyDictionary<(string Route, string Side), ServedModel> Current
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<(string Route, string Side), ServedModel>(_current);
            }
        }
    }

    public ValueTask OnPairAsync(PairRecord pair, CancellationToken cancellationToken)
    {
        Observe(pair.RouteId, "primary", pair.PrimaryModel, pair.PrimaryFingerprint, pair.StartedAt);
        Observe(pair.RouteId, "baseline", pair.BaselineModel, pair.BaselineFingerprint, pair.StartedAt);
        return ValueTask.CompletedTask;
    }

    private void Observe(string route, string side, string? model, string? fingerprint, DateTimeOffset at)
    {
        if (model is null && fingerprint is null)
        {
            return;
        }

        ServedModelEvent? change = null;
        lock (_gate)
        {
            // Workers finish pairs out of order; an observation older than the newest one seen cannot be a change.
            if (_current.TryGetValue((route, side), out var known) && at < known.LastSeen)
            {
                return;
            }

            if (known is not null && (known.Model != model || known.Fingerprint != fingerprint))
            {
                change = new ServedModelEvent(route, side, known.Model, known.Fingerprint, model, fingerprint, at);
                _events.Enqueue(change);
                while (_events.Count > MaxEvents)
                {
                    _events.Dequeue();
                }
            }

            _current[(route, side)] = known is not null && change is null ? known with { LastSeen = at } : new ServedModel(model, fingerprint, at, at);
        }

        if (change is not null)
        {
            instrumentation.ServedModelChangesCounter.Add(1, new TagList { { "route", route }, { "side", side } });
            LogChanged(logger, route, side, change.FromModel, change.FromFingerprint, model, fingerprint);
        }
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Served model changed on route {Route} ({Side}): {FromModel}/{FromFingerprint} -> {ToModel}/{ToFingerprint}")]
    private static partial void LogChanged(ILogger logger, string route, string side, string? fromModel, string? fromFingerprint, string? toModel, string? toFingerprint);
}
