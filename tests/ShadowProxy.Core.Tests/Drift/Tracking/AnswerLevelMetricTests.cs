using ShadowProxy.Core.Drift.Tracking;

namespace ShadowProxy.Core.Tests.Drift.Tracking;

/// <summary>Tool-call disagreement and free-text similarity: stored, merged and judged like every other metric.</summary>
public sealed class AnswerLevelMetricTests
{
    private static readonly DriftOptions Options = new() { MinPairs = 30, MinNoisePairs = 10 };

    [Fact]
    public void Bucket_NewJudgements_SurviveTheFlatStoredForm()
    {
        var bucket = new DriftBucket();
        for (var i = 0; i < 40; i++)
        {
            bucket.Add(Pair(toolDisagrees: i % 2 == 0, similarity: 0.1 * (i % 10), noiseSimilarity: i % 4 == 0 ? 0.99 : null));
        }

        var restored = DriftBucket.FromCounts(bucket.ToCounts());

        Assert.Equal((20, 40, 0, 0), Counts(restored.Disagreement(DisagreementKind.ToolName)));
        Assert.Equal(bucket.Similarity(SimilarityKind.FreeText).Counts, restored.Similarity(SimilarityKind.FreeText).Counts);
        Assert.Equal(bucket.Similarity(SimilarityKind.FreeText).Mean, restored.Similarity(SimilarityKind.FreeText).Mean, 9);
        Assert.Equal(10, restored.NoiseSimilarity(SimilarityKind.FreeText).Count);
        Assert.Equal(0, restored.Disagreement(DisagreementKind.Answer).Decided);
    }

    [Fact]
    public void Evaluate_LowerSimilarityThanReplicates_IsDrift_AndEqualIsNot()
    {
        var drifted = Bucket(primary: i => 0.3 + (0.01 * (i % 10)), noise: i => 0.9 + (0.005 * (i % 10)));
        var same = Bucket(primary: i => 0.9 + (0.005 * ((i + 3) % 10)), noise: i => 0.9 + (0.005 * (i % 10)));

        var driftedMetric = Similarity(drifted);
        var sameMetric = Similarity(same);

        Assert.True(driftedMetric.PValue < 1e-6, driftedMetric.ToString());
        Assert.True(sameMetric.PValue > 0.05, sameMetric.ToString());
    }

    [Fact]
    public void Evaluate_FreeTextWithoutReplicates_SaysItNeedsThem()
    {
        var metric = Similarity(Bucket(primary: _ => 0.2, noise: _ => null));

        Assert.Null(metric.PValue);
        Assert.Equal(SimilarityMetric.NeedsReplicatesNote, metric.Note);
    }

    [Fact]
    public void Evaluate_ToolChoiceSwitched_IsDriftAgainstTheReplicateFloor()
    {
        var bucket = new DriftBucket();
        for (var i = 0; i < 100; i++)
        {
            bucket.Add(Pair(toolDisagrees: i % 10 < 6, similarity: null, noiseSimilarity: null) with
            {
                Disagreements = new Dictionary<DisagreementKind, PairedDisagreement> { [DisagreementKind.ToolName] = new(i % 10 < 6, i % 2 == 0 ? false : null) },
            });
        }

        var metric = DriftEvaluator.Evaluate(Observations.Series(bucket), Options).Metrics.Single(m => m.Name == DriftMetricNames.ToolNameDisagreement);

        Assert.Equal(0.6, metric.PrimaryValue!.Value, 9);
        Assert.Equal(0, metric.BaselineValue!.Value, 9);
        Assert.True(metric.PValue < 1e-10, metric.ToString());
    }

    private static MetricEvaluation Similarity(DriftBucket bucket) =>
        DriftEvaluator.Evaluate(Observations.Series(bucket), Options).Metrics.Single(m => m.Name == DriftMetricNames.FreeTextSimilarity);

    private static DriftBucket Bucket(Func<int, double> primary, Func<int, double?> noise)
    {
        var bucket = new DriftBucket();
        for (var i = 0; i < 60; i++)
        {
            bucket.Add(Pair(toolDisagrees: null, similarity: primary(i), noiseSimilarity: noise(i)));
        }

        return bucket;
    }

    private static PairObservation Pair(bool? toolDisagrees, double? similarity, double? noiseSimilarity) =>
        Observations.Pair(disagree: null, noiseDisagree: null) with
        {
            Disagreements = toolDisagrees is null ? [] : new Dictionary<DisagreementKind, PairedDisagreement> { [DisagreementKind.ToolName] = new(toolDisagrees, null) },
            Similarities = similarity is null && noiseSimilarity is null ? [] : new Dictionary<SimilarityKind, PairedSimilarity> { [SimilarityKind.FreeText] = new(similarity, noiseSimilarity) },
        };

    private static (long, long, long, long) Counts(DisagreementCounts c) => (c.Disagreements, c.Decided, c.NoiseDisagreements, c.NoisePairs);
}
