using ShadowProxy.Core.Drift;

namespace ShadowProxy.Core.Tests.Drift;

public sealed class ChangeDetectorTests
{
    private const int Up = 1; // the ten-point alternative, upwards

    [Fact]
    public void Update_OneBucket_AddsTheBernoulliLogLikelihoodRatioToEachCusum()
    {
        var cusums = ChangeDetector.NewState();

        ChangeDetector.Update(cusums, trials: 100, successes: 30, NullBounds.AtMost(0.2), cap: 100);

        // 30 ln(0.3/0.2) + 70 ln(0.7/0.8), worked by hand: 12.1640 − 9.3472.
        Assert.Equal(2.8168, cusums[Up], 4);
        Assert.Equal((30 * Math.Log(0.25 / 0.2)) + (70 * Math.Log(0.75 / 0.8)), cusums[0], 10);
        Assert.All(cusums.Skip(ChangeDetector.Alternatives.Count), c => Assert.Equal(0, c));
    }

    [Fact]
    public void Update_EvidenceAgainstTheChange_IsForgottenAtZero_LikeAnyCusum()
    {
        var cusums = ChangeDetector.NewState();

        ChangeDetector.Update(cusums, 100, 10, NullBounds.AtMost(0.2), cap: 100);
        var negative = cusums[Up];
        ChangeDetector.Update(cusums, 100, 30, NullBounds.AtMost(0.2), cap: 100);

        Assert.True(negative < 0);
        Assert.Equal(2.8168, cusums[Up], 4);
    }

    [Fact]
    public void Statistic_NoEvidence_IsZero_AndAStrongCusumDominatesTheWeightedAverage()
    {
        var cusums = ChangeDetector.NewState();
        Assert.Equal(0, ChangeDetector.Statistic(cusums, twoSided: false), 12);

        cusums[Up] = 20;

        // ln(0.4 e^20 + 0.6) for the one-sided weights; two-sided halves every weight.
        Assert.Equal(20 + Math.Log(0.4), ChangeDetector.Statistic(cusums, twoSided: false), 6);
        Assert.Equal(20 + Math.Log(0.2), ChangeDetector.Statistic(cusums, twoSided: true), 6);
    }

    [Fact]
    public void AverageRunLength_WithoutChange_IsAtLeastTheThreshold()
    {
        // The e-detector guarantee: alarming at statistic ≥ ln A takes at least A buckets on average with no change
        // (here one fair coin per bucket, the null of a paired flag, and 10 trials per bucket).
        foreach (var trialsPerBucket in new[] { 1, 10 })
        {
            const double A = 200;
            const int Runs = 400;
            var random = new Random(42 + trialsPerBucket);
            double total = 0;
            for (var run = 0; run < Runs; run++)
            {
                var cusums = ChangeDetector.NewState();
                var bucket = 0;
                while (bucket < 20 * A && ChangeDetector.Statistic(cusums, twoSided: true) < Math.Log(A))
                {
                    var successes = Enumerable.Range(0, trialsPerBucket).Count(_ => random.Next(2) == 1);
                    ChangeDetector.Update(cusums, trialsPerBucket, successes, NullBounds.Symmetric, cap: 50);
                    bucket++;
                }

                total += bucket;
            }

            Assert.True(total / Runs >= A, $"{trialsPerBucket} trials a bucket: mean run length {total / Runs:F0} < {A}");
        }
    }

    [Fact]
    public void DetectionDelay_AfterAChange_IsNearThresholdOverKullbackLeibler()
    {
        // From 20% to 30% with an exact null: E[delay] ≈ (h − ln w) / KL(0.3 ‖ 0.2) per trial (Lorden), KL = 0.02817.
        const double H = 10;
        var random = new Random(7);
        var delays = new List<int>();
        for (var run = 0; run < 300; run++)
        {
            var cusums = ChangeDetector.NewState();
            var trials = 0;
            while (ChangeDetector.Statistic(cusums, twoSided: false) < H)
            {
                ChangeDetector.Update(cusums, 1, random.NextDouble() < 0.3 ? 1 : 0, NullBounds.AtMost(0.2), cap: 50);
                trials++;
            }

            delays.Add(trials);
        }

        var expected = (H - Math.Log(0.4)) / 0.02817;
        Assert.InRange(delays.Average(), 0.7 * expected, 1.3 * expected);
    }

    [Fact]
    public void Update_MillionsOfTrials_IgnoresAOnePointShift_ButIsCertainOfThreePoints()
    {
        // The nearest alternative is five points away, so the detector's drift turns positive only about 2.4 points
        // above the null: a one-point difference, however well measured, is not drift; three points is, for sure.
        var (atNull, onePoint, threePoints) = (ChangeDetector.NewState(), ChangeDetector.NewState(), ChangeDetector.NewState());

        ChangeDetector.Update(atNull, 5_000_000, 1_000_000, NullBounds.AtMost(0.2), cap: 1e9);
        ChangeDetector.Update(onePoint, 5_000_000, 1_050_000, NullBounds.AtMost(0.2), cap: 1e9);
        ChangeDetector.Update(threePoints, 5_000_000, 1_150_000, NullBounds.AtMost(0.2), cap: 1e9);

        Assert.Equal(0, ChangeDetector.Statistic(atNull, twoSided: false), 12);
        Assert.Equal(0, ChangeDetector.Statistic(onePoint, twoSided: false), 12);
        Assert.True(ChangeDetector.Statistic(threePoints, twoSided: false) > 1_000);
    }
}
