using ShadowProxy.Core.Drift.Tracking;

namespace ShadowProxy.Core.Tests.Drift.Tracking;

public sealed class DriftBucketTests
{
    [Fact]
    public void Add_OnePair_CountsEveryPart()
    {
        var bucket = DriftBucket.Of(Observations.Pair(
            disagree: true, noiseDisagree: false, logRatio: -0.25, primaryChars: 0, baselineChars: 100,
            baselineAnswer: "yes", primaryAnswer: "no", refusal: new PairedFlag(false, true)));

        Assert.Equal(1, bucket.Pairs);
        Assert.Equal((1, 1, 0, 1), (bucket.Disagreements, bucket.DecidedPairs, bucket.NoiseDisagreements, bucket.NoisePairs));
        Assert.Equal(1, bucket.Flag(DriftFlag.Refusal).PrimaryOnly);
        Assert.Equal(1, bucket.Flag(DriftFlag.AnswerExtracted).Both);
        Assert.Equal(0, bucket.Flag(DriftFlag.JsonValid).Total);
        Assert.Equal((0, 1, 0), (bucket.LogRatioPositive, bucket.LogRatioNegative, bucket.LogRatioZero));
        Assert.Equal(-250_000, bucket.LogRatioSumMicros);
        Assert.Equal(62_500, bucket.LogRatioSquareSumMicros);
        Assert.Equal(1, bucket.PrimaryLengths[0]);
        Assert.Equal(1, bucket.BaselineLengths[LengthHistogram.BinOf(100)]);
        Assert.Equal(2, bucket.Labels.Count);
    }

    [Fact]
    public void Merge_PartsOfAStreamWithinTheLabelCap_EqualsAddingEverythingToOneBucket()
    {
        var random = new Random(7);
        var observations = Enumerable.Range(0, 500).Select(_ => Observations.Pair(
            disagree: random.Next(3) switch { 0 => null, 1 => true, _ => false },
            noiseDisagree: random.Next(2) == 0,
            logRatio: Math.Round((random.NextDouble() - 0.5) * 4, 3),
            primaryChars: random.Next(0, 5_000),
            primaryAnswer: random.Next(AnswerLabel.MaxDistinct - 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            refusal: new PairedFlag(random.Next(5) == 0, random.Next(5) == 0))).ToList();
        var whole = new DriftBucket();
        var first = new DriftBucket();
        var second = new DriftBucket();
        for (var i = 0; i < observations.Count; i++)
        {
            whole.Add(observations[i]);
            (i % 3 == 0 ? first : second).Add(observations[i]);
        }

        first.Merge(second);

        Assert.Equal(whole.ToCounts().OrderBy(p => p.Key), first.ToCounts().OrderBy(p => p.Key));
    }

    [Fact]
    public void FromCounts_ToCounts_RoundTripsExactly()
    {
        var bucket = Observations.Bucket(40, disagreements: 7, noiseDisagreements: 3, shape: i => Observations.Pair(
            logRatio: i * 0.01, primaryChars: i * 37, primaryAnswer: i % 4 == 0 ? "no" : "yes", refusal: new PairedFlag(i % 5 == 0, i % 7 == 0)));

        var counts = bucket.ToCounts();
        var copy = DriftBucket.FromCounts(counts);

        Assert.Equal(counts.OrderBy(p => p.Key), copy.ToCounts().OrderBy(p => p.Key));
        Assert.DoesNotContain(counts, p => p.Value == 0);
    }

    [Fact]
    public void FromCounts_UnknownOrMalformedFields_AreIgnored()
    {
        var bucket = DriftBucket.FromCounts(new Dictionary<string, long>
        {
            ["pairs"] = 3,
            ["future.metric"] = 9,
            ["flag.unknown.both"] = 4,
            ["length.primary.999"] = 1,
            ["flag.refusal.primary_only"] = 2,
        });

        Assert.Equal(3, bucket.Pairs);
        Assert.Equal(2, bucket.Flag(DriftFlag.Refusal).PrimaryOnly);
        Assert.Equal(0, bucket.PrimaryLengths.Sum());
    }

    [Fact]
    public void Add_MoreDistinctLabelsThanTheCap_FoldsTheRarestIntoOtherForBothSides()
    {
        var bucket = new DriftBucket();
        for (var i = 0; i < 40; i++)
        {
            var label = $"label-{i}";
            for (var repeat = 0; repeat <= i; repeat++)
            {
                bucket.Add(Observations.Pair(baselineAnswer: label, primaryAnswer: label));
            }
        }

        var other = bucket.Labels[AnswerLabel.Other];
        Assert.Equal(AnswerLabel.MaxDistinct + 1, bucket.Labels.Count);
        Assert.Equal(other.Baseline, other.Primary);
        Assert.True(other.Baseline > 0);
        Assert.Equal(bucket.Pairs, bucket.Labels.Values.Sum(l => l.Baseline));
    }

    [Fact]
    public void ToCounts_AnswerLabels_HoldNoAnswerText()
    {
        var counts = DriftBucket.Of(Observations.Pair(baselineAnswer: "the secret plan", primaryAnswer: AnswerLabel.None)).ToCounts();

        Assert.DoesNotContain(counts.Keys, k => k.Contains("secret", StringComparison.Ordinal));
        Assert.Contains("label.primary." + AnswerLabel.None, counts.Keys);
    }
}
