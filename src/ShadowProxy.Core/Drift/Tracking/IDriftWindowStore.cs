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

    /// <summary>The key's sequential state as last saved (<see cref="KeyMonitorJson"/>); null when none was.</summary>
    ValueTask<string?> LoadMonitorAsync(DriftKey key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves the key's sequential state only if it is still <paramref name="expected"/> (null: none saved), so an
    /// accept made on one replica is never overwritten by another's fold of older state. False when it changed.
    /// </summary>
    ValueTask<bool> TrySaveMonitorAsync(DriftKey key, string? expected, string monitor, CancellationToken cancellationToken = default);

    /// <summary>Drops a key, all its buckets and its state (it has been idle past <see cref="DriftOptions.IdleKeyExpiry"/>).</summary>
    ValueTask ForgetAsync(DriftKeySpan span, CancellationToken cancellationToken = default);
}
