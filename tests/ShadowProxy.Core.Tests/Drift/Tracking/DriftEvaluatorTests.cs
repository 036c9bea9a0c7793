using ShadowProxy.Core.Drift;
using ShadowProxy.Core.Drift.Tracking;

namespace ShadowProxy.Core.Tests.Drift.Tracking;

public sealed class DriftEvaluatorTests
{
    private static readonly DriftOptions Options = new();

    private static MetricEvaluation Metric(KeyEvaluation evaluation, string name) => evaluation.Metrics.Single(m => m.Name == name);

    [Fact]
    public void Evaluate_DisagreementWellAboveMeasuredNoise_IsSignificantWithIntervals()
    {
        var window = Observations.Series(Observations.Bucket(200, disagreements: 60, noiseDisagreements: 20));

        var evaluation = DriftEvaluator.Evaluate(window, Options);
        var metric = Metric(evaluation, DriftMetricNames.AnswerDisagreement);

        Assert.Equal(0.3, evaluation.Disagreement.Rate, 10);
        Assert.Equal(0.1, evaluation.NoiseFloor.Rate, 10);
        Assert.InRange(evaluation.NoiseFloor.CiLow, 0.06, 0.1);
        Assert.InRange(evaluation.NoiseFloor.CiHigh, 0.1, 0.16);
        Assert.Equal(0.2, metric.Delta!.Value, 10);
        Assert.True(metric.CiLow < 0.2 && metric.CiHigh > 0.2 && metric.CiLow > 0);
        Assert.True(metric.PValue < 1e-6);
    }

    [Fact]
    public void Evaluate_DisagreementAtTheNoiseFloor_IsNotSignificant()
    {
        var window = Observations.Series(Observations.Bucket(200, disagreements: 60, noiseDisagreements: 60));

        var metric = Metric(DriftEvaluator.Evaluate(window, Options), DriftMetricNames.AnswerDisagreement);

        Assert.Equal(0.5, metric.PValue!.Value, 10);
        Assert.Equal(0, metric.Delta!.Value, 10);
    }

    [Fact]
    public void Evaluate_TooFewReplicates_GivesRatesButNoPValue()
    {
        var withoutNoise = Observations.Bucket(0, 0);
        foreach (var i in Enumerable.Range(0, 100))
        {
            withoutNoise.Add(Observations.Pair(disagree: i < 10, noiseDisagree: null));
        }

        var metric = Metric(DriftEvaluator.Evaluate(Observations.Series(withoutNoise), Options), DriftMetricNames.AnswerDisagreement);

        Assert.Null(metric.PValue);
        Assert.Equal(0.1, metric.PrimaryValue!.Value, 10);
        Assert.Equal(SimilarityMetric.NeedsReplicatesNote, metric.Note);
    }

    [Fact]
    public void Evaluate_PrimaryRefusesMore_McNemarOnTheDiscordantPairs()
    {
        var window = Observations.Series(Observations.Bucket(100, 0, shape: i => Observations.Pair(
            refusal: i switch { < 20 => new PairedFlag(false, true), < 22 => new PairedFlag(true, false), < 30 => new PairedFlag(true, true), _ => new PairedFlag(false, false) })));

        var metric = Metric(DriftEvaluator.Evaluate(window, Options), DriftMetricNames.Refusal);

        Assert.Equal(0.10, metric.BaselineValue!.Value, 10);
        Assert.Equal(0.28, metric.PrimaryValue!.Value, 10);
        Assert.Equal(0.18, metric.Delta!.Value, 10);
        Assert.Equal(McNemarTest.Compute(2, 20).PValue, metric.PValue!.Value, 12);
        Assert.True(metric.CiLow > 0.08 && metric.CiHigh < 0.28);
    }

    [Fact]
    public void Evaluate_PrimaryAlwaysShorter_SignTestAndMeanLogRatio()
    {
        var window = Observations.Series(Observations.Bucket(60, 0, shape: i => Observations.Pair(logRatio: i % 2 == 0 ? -0.4 : -0.6)));

        var metric = Metric(DriftEvaluator.Evaluate(window, Options), DriftMetricNames.LengthLogRatio);

        Assert.Equal(-0.5, metric.PrimaryValue!.Value, 6);
        Assert.Equal(SignTest.Compute(0, 60).PValue, metric.PValue!.Value, 12);
        Assert.InRange(metric.CiLow!.Value, -0.53, -0.5);
    }

    [Fact]
    public void Evaluate_PrimaryAnswersNoTwiceAsOften_ShiftsTheAnswerDistribution()
    {
        var window = Observations.Series(Observations.Bucket(200, 0, shape: i => Observations.Pair(
            baselineAnswer: i % 4 == 0 ? "no" : "yes", primaryAnswer: i % 2 == 0 ? "no" : "yes")));

        var metric = Metric(DriftEvaluator.Evaluate(window, Options), DriftMetricNames.AnswerDistribution);

        Assert.Equal(0.25, metric.Delta!.Value, 10);
        Assert.True(metric.PValue < 1e-5);
    }

    [Fact]
    public void Evaluate_PrimaryShorterThanBaseline_PsiComparesTheTwoSidesInTheWindow()
    {
        var window = Observations.Series([.. Enumerable.Range(0, 2).Select(_ => Observations.Bucket(50, 0, shape: i => Observations.Pair(primaryChars: 20 + (i % 30), baselineChars: 400 + i)))]);

        var metric = Metric(DriftEvaluator.Evaluate(window, Options), DriftMetricNames.LengthPsi);

        Assert.Equal(100, metric.Pairs);
        Assert.True(metric.Delta > 1);
        Assert.True(metric.PValue < 1e-10);
    }

    [Fact]
    public void Evaluate_SameLengthsOnBothSides_PsiIsZero()
    {
        var window = Observations.Series(Observations.Bucket(100, 0, shape: i => Observations.Pair(primaryChars: 100 + i, baselineChars: 100 + i)));

        var metric = Metric(DriftEvaluator.Evaluate(window, Options), DriftMetricNames.LengthPsi);

        Assert.Equal(0, metric.Delta!.Value, 10);
        Assert.True(metric.PValue > 0.99);
    }

    [Fact]
    public void Evaluate_FewerPairsThanTheMinimum_GivesNoVerdictAnywhere()
    {
        var window = Observations.Series(Observations.Bucket(Options.MinPairs - 1, disagreements: Options.MinPairs - 1, shape: _ => Observations.Pair(
            logRatio: -3, primaryAnswer: "no", refusal: new PairedFlag(false, true))));

        var evaluation = DriftEvaluator.Evaluate(window, Options);

        Assert.All(evaluation.Metrics, m =>
        {
            Assert.Null(m.PValue);
            Assert.False(m.HasVerdict);
            Assert.Equal(MetricEvaluation.InsufficientDataNote, m.Note);
        });
    }

    [Fact]
    public void Evaluate_DisagreementStepsUp_LocatesTheBucketWhereItBegan()
    {
        var buckets = Enumerable.Range(0, 30).Select(i => Observations.Bucket(20, disagreements: i < 12 ? 2 : 12, noiseDisagreements: 2)).ToArray();

        var metric = Metric(DriftEvaluator.Evaluate(Observations.Series(buckets), Options), DriftMetricNames.AnswerDisagreement);

        Assert.Equal(Options.BucketStart(1_012), metric.ChangeStartedAt);
    }

    [Fact]
    public void Evaluate_SteadyDisagreement_LocatesNoChange()
    {
        var buckets = Enumerable.Range(0, 30).Select(i => Observations.Bucket(20, disagreements: 5 + (i % 3), noiseDisagreements: 2)).ToArray();

        var metric = Metric(DriftEvaluator.Evaluate(Observations.Series(buckets), Options), DriftMetricNames.AnswerDisagreement);

        Assert.Null(metric.ChangeStartedAt);
    }
}
