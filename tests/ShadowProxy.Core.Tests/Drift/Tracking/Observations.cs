using ShadowProxy.Core.Drift.Tracking;

namespace ShadowProxy.Core.Tests.Drift.Tracking;

/// <summary>Hand-built observations and buckets for tests that need exact counts.</summary>
internal static class Observations
{
    public static readonly DateTimeOffset Start = new(2025, 6, 13, 12, 0, 0, TimeSpan.Zero);

    public static PairObservation Pair(
        bool? disagree = false,
        bool? noiseDisagree = false,
        double? logRatio = 0,
        int primaryChars = 500,
        int baselineChars = 500,
        string? baselineAnswer = "yes",
        string? primaryAnswer = "yes",
        PairedFlag? refusal = null,
        DateTimeOffset? at = null) => new()
    {
        At = at ?? Start,
        Disagreements = Answer(disagree, noiseDisagree),
        LengthLogRatio = logRatio,
        PrimaryChars = primaryChars,
        BaselineChars = baselineChars,
        BaselineAnswer = baselineAnswer,
        PrimaryAnswer = primaryAnswer,
        Flags = new Dictionary<DriftFlag, PairedFlag>
        {
            [DriftFlag.Refusal] = refusal ?? new PairedFlag(false, false),
            [DriftFlag.AnswerExtracted] = new(baselineAnswer is not null, primaryAnswer is not null),
        },
    };

    public static Dictionary<DisagreementKind, PairedDisagreement> Answer(bool? disagree, bool? noiseDisagree) =>
        disagree is null && noiseDisagree is null ? [] : new() { [DisagreementKind.Answer] = new(disagree, noiseDisagree) };

    /// <summary>A bucket of <paramref name="pairs"/> pairs, the first <paramref name="disagreements"/> of which disagree.</summary>
    public static DriftBucket Bucket(int pairs, int disagreements, int noiseDisagreements = 0, Func<int, PairObservation>? shape = null)
    {
        var bucket = new DriftBucket();
        for (var i = 0; i < pairs; i++)
        {
            var pair = shape?.Invoke(i) ?? Pair();
            bucket.Add(pair with { Disagreements = Answer(i < disagreements, i < noiseDisagreements) });
        }

        return bucket;
    }

    public static IndexedDriftBucket[] Series(params DriftBucket[] buckets) =>
        [.. buckets.Select((bucket, i) => new IndexedDriftBucket(1_000 + i, bucket))];
}
