namespace ShadowProxy.Core.Drift.Tracking;

/// <summary>
/// Holds per-key, per-bucket drift counts. Implementations add deltas (never overwrite), so any number of
/// gateway replicas can write to one store and every reader sees the merged counts.
/// </summary>
internal interface IDriftWindowStore
{
    ValueTask AddAsync(DriftKey key, long bucketIndex, DriftBucket delta, CancellationToken cancellationToken = default);

    /// <summary>Non-empty buckets in [from, to], oldest first; the caller owns the returned buckets.</summary>
    ValueTask<IReadOnlyList<IndexedDriftBucket>> ReadAsync(DriftKey key, long fromBucket, long toBucket, CancellationToken cancellationToken = default);

    ValueTask<IReadOnlyList<DriftKeySpan>> KeysAsync(CancellationToken cancellationToken = default);

    /// <summary>Drops a key and all its buckets (it has been idle past <see cref="DriftOptions.IdleKeyExpiry"/>).</summary>
    ValueTask ForgetAsync(DriftKeySpan span, CancellationToken cancellationToken = default);
}
