namespace ShadowProxy.Core.Drift.Tracking;

/// <summary>
/// The default single-process store. Per key it keeps the newest <see cref="DriftOptions.WindowBuckets"/> buckets
/// (older ones expire as newer ones arrive, so memory per key is bounded by the window) and the key's sequential
/// state.
/// </summary>
internal sealed class InMemoryDriftWindowStore(DriftOptions options) : IDriftWindowStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<DriftKey, KeyBuckets> _keys = [];
    private readonly Dictionary<DriftKey, string> _monitors = [];

    public ValueTask AddAsync(DriftKey key, long bucketIndex, DriftBucket delta, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(delta);
        lock (_lock)
        {
            if (!_keys.TryGetValue(key, out var buckets))
            {
                buckets = new KeyBuckets(bucketIndex);
                _keys.Add(key, buckets);
            }

            if (buckets.Add(bucketIndex, delta))
            {
                buckets.Expire(options);
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<IndexedDriftBucket>> ReadAsync(DriftKey key, long fromBucket, long toBucket, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_lock)
        {
            IReadOnlyList<IndexedDriftBucket> result = _keys.TryGetValue(key, out var buckets)
                ? buckets.Read(fromBucket, toBucket)
                : [];
            return ValueTask.FromResult(result);
        }
    }

    public ValueTask<IReadOnlyList<DriftKeySpan>> KeysAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            IReadOnlyList<DriftKeySpan> spans = [.. _keys.Select(static pair => new DriftKeySpan(pair.Key, pair.Value.FirstBucket, pair.Value.LastBucket))];
            return ValueTask.FromResult(spans);
        }
    }

    public ValueTask<string?> LoadMonitorAsync(DriftKey key, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return ValueTask.FromResult(_monitors.GetValueOrDefault(key));
        }
    }

    public ValueTask<bool> TrySaveMonitorAsync(DriftKey key, string? expected, string monitor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(monitor);
        lock (_lock)
        {
            if (!string.Equals(_monitors.GetValueOrDefault(key), expected, StringComparison.Ordinal))
            {
                return ValueTask.FromResult(false);
            }

            _monitors[key] = monitor;
            return ValueTask.FromResult(true);
        }
    }

    public ValueTask ForgetAsync(DriftKeySpan span, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(span);
        lock (_lock)
        {
            // Only if nothing arrived since the caller looked: a key that woke up meanwhile is kept.
            if (_keys.TryGetValue(span.Key, out var buckets) && buckets.LastBucket <= span.LastBucket)
            {
                _keys.Remove(span.Key);
                _monitors.Remove(span.Key);
            }
        }

        return ValueTask.CompletedTask;
    }

    private sealed class KeyBuckets(long firstBucket)
    {
        private readonly SortedDictionary<long, DriftBucket> _buckets = [];

        public long FirstBucket { get; private set; } = firstBucket;

        public long LastBucket { get; private set; } = firstBucket;

        /// <summary>Returns true when the delta opened a new bucket, the only time anything can expire.</summary>
        public bool Add(long bucketIndex, DriftBucket delta)
        {
            if (_buckets.TryGetValue(bucketIndex, out var bucket))
            {
                bucket.Merge(delta);
                return false;
            }

            _buckets.Add(bucketIndex, delta.Clone());
            FirstBucket = Math.Min(FirstBucket, bucketIndex);
            LastBucket = Math.Max(LastBucket, bucketIndex);
            return true;
        }

        public void Expire(DriftOptions options)
        {
            var windowStart = LastBucket - options.WindowBuckets + 1;
            var expired = _buckets.Keys.Where(index => index < windowStart).ToList();
            foreach (var index in expired)
            {
                _buckets.Remove(index);
            }
        }

        public IndexedDriftBucket[] Read(long fromBucket, long toBucket) =>
        [
            .. _buckets.Where(pair => pair.Key >= fromBucket && pair.Key <= toBucket)
                .Select(static pair => new IndexedDriftBucket(pair.Key, pair.Value.Clone())),
        ];
    }
}
