namespace ShadowProxy.Core.Drift.Tracking;

/// <summary>
/// How one drift metric reads a bucket as paired trials for sequential detection: [failures, successes] of the
/// primary judged against the baseline on the same requests and, where the null is the noise floor, the same of the
/// baseline judged against its own replicate. A success is the outcome a change would make more frequent
/// (disagreeing; "primary only" for flags; the primary longer; the primary less similar than the replicate).
/// </summary>
/// <param name="Name">The metric's name in <see cref="DriftMetricCatalogue"/>.</param>
/// <param name="Null">What the outcomes look like while nothing changed.</param>
/// <param name="FalseAlarmShare">
/// The stream's share of the key's false-alarm budget (all streams sum to 1): more for the answer-level metrics,
/// whose changes are subtle, less for flags, whose changes are large when they happen.
/// </param>
/// <param name="Primary">Primary-vs-baseline [failures, successes] of a bucket.</param>
/// <param name="Noise">Baseline-vs-replicate [failures, successes] of a bucket; only for <see cref="StreamNull.NoiseFloor"/>.</param>
internal sealed record PairedStream(string Name, StreamNull Null, double FalseAlarmShare, Func<DriftBucket, long[]> Primary, Func<DriftBucket, long[]>? Noise = null);
