namespace ShadowProxy.Core.Drift.Tracking;

internal sealed record DriftOptions
{
    public TimeSpan BucketDuration { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Buckets, up to and including the current one, that the tests look at.</summary>
    public int WindowBuckets { get; init; } = 60;

    /// <summary>The first buckets seen for a key; later length histograms are compared with them (PSI).</summary>
    public int ReferenceBuckets { get; init; } = 60;

    /// <summary>Below this many pairs a metric reports "insufficient data" and never a verdict.</summary>
    public int MinPairs { get; init; } = 30;

    /// <summary>Below this many baseline-replicate pairs the noise floor is <see cref="AssumedNoiseFloor"/>.</summary>
    public int MinNoisePairs { get; init; } = 10;

    public double AssumedNoiseFloor { get; init; } = 0.05;

    public double DriftAlpha { get; init; } = 0.01;

    public double WarningAlpha { get; init; } = 0.05;

    /// <summary>A Warning or Drift clears only above this adjusted p-value, so a state does not flap.</summary>
    public double ClearAlpha { get; init; } = 0.2;

    /// <summary>
    /// Buckets the drift condition must keep holding (at every evaluation) before Warning becomes Drift;
    /// 0 lets one evaluation decide.
    /// </summary>
    public int DriftConfirmationBuckets { get; init; } = 2;

    /// <summary>Smallest absolute change of a rate (disagreement, flags, answer distribution) that counts as drift.</summary>
    public double MinRateEffect { get; init; } = 0.02;

    public double MinLogRatioEffect { get; init; } = 0.1;

    public double DriftPsi { get; init; } = 0.25;

    public double WarningPsi { get; init; } = 0.1;

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

    public long BucketIndex(DateTimeOffset at) => at.UtcTicks / BucketDuration.Ticks;

    public DateTimeOffset BucketStart(long bucketIndex) => new(bucketIndex * BucketDuration.Ticks, TimeSpan.Zero);

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(BucketDuration, TimeSpan.Zero, nameof(BucketDuration));
        ArgumentOutOfRangeException.ThrowIfLessThan(WindowBuckets, 1, nameof(WindowBuckets));
        ArgumentOutOfRangeException.ThrowIfLessThan(ReferenceBuckets, 1, nameof(ReferenceBuckets));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinPairs, 1, nameof(MinPairs));
        ArgumentOutOfRangeException.ThrowIfNegative(MinNoisePairs, nameof(MinNoisePairs));
        ArgumentOutOfRangeException.ThrowIfNegative(DriftConfirmationBuckets, nameof(DriftConfirmationBuckets));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(IdleKeyExpiry, TimeSpan.Zero, nameof(IdleKeyExpiry));
        if (!(DriftAlpha > 0 && DriftAlpha <= WarningAlpha && WarningAlpha < ClearAlpha && ClearAlpha <= 1))
        {
            throw new ArgumentException($"Need 0 < {nameof(DriftAlpha)} <= {nameof(WarningAlpha)} < {nameof(ClearAlpha)} <= 1.");
        }
    }
}
