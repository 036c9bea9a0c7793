namespace ShadowProxy.Core.Drift.Tracking;

internal sealed record DriftOptions
{
    public const string Section = "Drift";

    /// <summary>How often the gateway re-evaluates drift in the background.</summary>
    public TimeSpan EvaluateEvery { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan BucketDuration { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Buckets, up to and including the current one, that the tests look at.</summary>
    public int WindowBuckets { get; init; } = 60;

    /// <summary>Below this many pairs a metric reports "insufficient data" and never a verdict.</summary>
    public int MinPairs { get; init; } = 30;

    /// <summary>
    /// Below this many baseline-replicate pairs a noise-floor metric is warming up: it has no null to test against.
    /// </summary>
    public int MinNoisePairs { get; init; } = 30;

    /// <summary>
    /// How many replicates the noise floor remembers: older ones fade exponentially, per replicate, so the floor
    /// follows a slowly changing traffic mix at any request rate.
    /// </summary>
    public int NoiseMemory { get; init; } = 20_000;

    /// <summary>
    /// Standard errors added to a learnt null (the noise floor, or an accepted reference) before testing against
    /// it, so that its own uncertainty cannot look like drift.
    /// </summary>
    public double NullBoundZ { get; init; } = 2;

    /// <summary>After an accept, the pairs each re-based metric collects as its new reference before it is tested.</summary>
    public int AcceptReferencePairs { get; init; } = 300;

    /// <summary>
    /// The false-drift budget per key, all metrics together: without any change, Drift is raised no more often than
    /// once per this long on average (the detectors' average run length, split evenly across metrics).
    /// </summary>
    public TimeSpan FalseDriftInterval { get; init; } = TimeSpan.FromDays(90);

    /// <summary>The same budget for Warning.</summary>
    public TimeSpan FalseWarningInterval { get; init; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Evidence at which a metric is in Drift: ln(buckets per interval). Each metric's evidence already carries its
    /// share of the budget (<see cref="PairedStream.FalseAlarmShare"/>), so the shares together keep the key within it.
    /// </summary>
    public double DriftThreshold => Threshold(FalseDriftInterval);

    public double WarningThreshold => Threshold(FalseWarningInterval);

    /// <summary>Change-point alarm threshold on the cumulative standardized deviation of per-bucket values.</summary>
    public double ChangeThreshold { get; init; } = 5;

    /// <summary>A key (route, model, pinned model) with no pair for this long is forgotten, buckets and all, so names
    /// seen once do not keep state forever.</summary>
    public TimeSpan IdleKeyExpiry { get; init; } = TimeSpan.FromDays(30);

    /// <summary>
    /// Whether a key whose newest bucket is <paramref name="lastBucket"/> has been idle past <see cref="IdleKeyExpiry"/>,
    /// and past its whole window in any case (a key still inside its window is never forgotten).
    /// </summary>
    public bool IsIdle(long lastBucket, long currentBucket) =>
        currentBucket - lastBucket > Math.Max(WindowBuckets, IdleKeyExpiry.Ticks / BucketDuration.Ticks);

    /// <summary>
    /// The newest bucket the sequential state may fold in at <paramref name="now"/>: one that ended at least a tenth
    /// of a bucket (at most 5 s) ago, so the last pairs other replicas wrote into it have landed.
    /// </summary>
    public long ClosedThrough(DateTimeOffset now) =>
        BucketIndex(now - TimeSpan.FromTicks(Math.Min(BucketDuration.Ticks / 10, TimeSpan.FromSeconds(5).Ticks))) - 1;

    public long BucketIndex(DateTimeOffset at) => at.UtcTicks / BucketDuration.Ticks;

    public DateTimeOffset BucketStart(long bucketIndex) => new(bucketIndex * BucketDuration.Ticks, TimeSpan.Zero);

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(BucketDuration, TimeSpan.Zero, nameof(BucketDuration));
        ArgumentOutOfRangeException.ThrowIfLessThan(WindowBuckets, 1, nameof(WindowBuckets));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinPairs, 1, nameof(MinPairs));
        ArgumentOutOfRangeException.ThrowIfNegative(MinNoisePairs, nameof(MinNoisePairs));
        ArgumentOutOfRangeException.ThrowIfLessThan(NoiseMemory, 2, nameof(NoiseMemory));
        ArgumentOutOfRangeException.ThrowIfNegative(NullBoundZ, nameof(NullBoundZ));
        ArgumentOutOfRangeException.ThrowIfLessThan(AcceptReferencePairs, 1, nameof(AcceptReferencePairs));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(IdleKeyExpiry, TimeSpan.Zero, nameof(IdleKeyExpiry));
        if (!(FalseWarningInterval >= BucketDuration && FalseDriftInterval >= FalseWarningInterval))
        {
            throw new ArgumentException($"Need {nameof(BucketDuration)} <= {nameof(FalseWarningInterval)} <= {nameof(FalseDriftInterval)}.");
        }
    }

    private double Threshold(TimeSpan interval) => Math.Log(interval / BucketDuration);
}
