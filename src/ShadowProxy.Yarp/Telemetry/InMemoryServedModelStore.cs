namespace ShadowProxy.Yarp.Telemetry;

/// <summary>Served-model history in this process (one replica, or no Redis).</summary>
internal sealed class InMemoryServedModelStore : IServedModelStore
{
    /// <summary>Changes kept, newest last.</summary>
    public const int MaxEvents = 500;

    private readonly Dictionary<(string Route, string Side), ServedModel> _current = [];
    private readonly Queue<ServedModelEvent> _events = new();
    private readonly Lock _gate = new();

    public Task<ServedModelEvent?> ObserveAsync(string route, string side, string? model, string? fingerprint, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            // Workers finish pairs out of order; an observation older than the newest one seen cannot be a change.
            if (_current.TryGetValue((route, side), out var known) && at < known.LastSeen)
            {
                return Task.FromResult<ServedModelEvent?>(null);
            }

            ServedModelEvent? change = null;
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
            return Task.FromResult(change);
        }
    }

    public Task<IReadOnlyDictionary<(string Route, string Side), ServedModel>> CurrentAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyDictionary<(string Route, string Side), ServedModel>>(new Dictionary<(string Route, string Side), ServedModel>(_current));
        }
    }

    public Task<IReadOnlyList<ServedModelEvent>> EventsAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<ServedModelEvent>>([.. _events]);
        }
    }
}
