namespace ShadowProxy.Core.Drift.Tracking;

/// <summary>
/// The sequential state of one key: one <see cref="StreamMonitor"/> per paired stream, the last bucket folded in and
/// the accepts that re-based it. Deterministic in the buckets it was given and the accepts, and plain data, so
/// replicas can share it through the store.
/// </summary>
internal sealed class KeyMonitor
{
    /// <summary>The newest bucket folded in; null before the first.</summary>
    public long? FoldedThrough { get; set; }

    public Dictionary<string, StreamMonitor> Streams { get; set; } =
        PairedStreams.All.ToDictionary(static s => s.Name, static _ => new StreamMonitor(), StringComparer.Ordinal);

    /// <summary>Every accepted change, oldest first: the audit trail.</summary>
    public List<DriftAcceptance> Acceptances { get; set; } = [];

    /// <summary>Folds in, oldest first, the buckets after <see cref="FoldedThrough"/> up to and including <paramref name="through"/>.</summary>
    public void Fold(IEnumerable<IndexedDriftBucket> buckets, long through, DriftOptions options)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        ArgumentNullException.ThrowIfNull(options);
        foreach (var bucket in buckets.Where(b => b.BucketIndex > (FoldedThrough ?? long.MinValue) && b.BucketIndex <= through).OrderBy(static b => b.BucketIndex))
        {
            var end = options.BucketStart(bucket.BucketIndex + 1);
            foreach (var stream in PairedStreams.All)
            {
                Stream(stream.Name).Fold(stream, bucket.BucketIndex, bucket.Counts, options, end);
            }
        }

        FoldedThrough = Math.Max(FoldedThrough ?? long.MinValue, through);
    }

    /// <summary>Accepts the current behaviour of the named metrics (all when <paramref name="metric"/> is null).</summary>
    public DriftAcceptance Accept(string? metric, string? by, string? reason, DateTimeOffset at)
    {
        PairedStreams.EnsureRaisesDrift(metric);
        var accepted = PairedStreams.All.Where(s => metric is null || s.Name == metric).ToList();
        foreach (var stream in accepted)
        {
            Stream(stream.Name).Accept();
        }

        var acceptance = new DriftAcceptance(at, [.. accepted.Select(static s => s.Name)], by, reason);
        Acceptances.Add(acceptance);
        return acceptance;
    }

    public StreamMonitor Stream(string name)
    {
        if (!Streams.TryGetValue(name, out var monitor))
        {
            monitor = new StreamMonitor();
            Streams[name] = monitor;
        }

        return monitor;
    }
}
