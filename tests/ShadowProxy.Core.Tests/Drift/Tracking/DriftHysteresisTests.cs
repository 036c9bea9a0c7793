using ShadowProxy.Core.Drift.Tracking;

namespace ShadowProxy.Core.Tests.Drift.Tracking;

public sealed class DriftHysteresisTests
{
    private static readonly DriftOptions Options = new() { DriftConfirmationBuckets = 2 };
    private static readonly MetricEvaluation Large = new() { Name = "m", PValue = 0, DriftSized = true };
    private static readonly MetricEvaluation Small = new() { Name = "m", PValue = 0, DriftSized = false };

    private static MetricHistory Step(MetricHistory previous, double? p, long bucket, MetricEvaluation? metric = null) =>
        DriftHysteresis.Next(previous, p, metric ?? Large, new DriftEvaluationMoment(Observations.Start.AddMinutes(bucket), bucket, 100 + bucket), Options);

    [Fact]
    public void Next_StrongEvidence_GoesThroughWarningAndNeedsTheConfirmationSpan()
    {
        var first = Step(MetricHistory.Initial, 0.001, 10);
        var second = Step(first, 0.001, 11);
        var third = Step(second, 0.001, 12);

        Assert.Equal(DriftState.Warning, first.State);
        Assert.Equal(DriftState.Warning, second.State);
        Assert.Equal(DriftState.Drift, third.State);
        Assert.Equal(112, third.PairsAtDetection);
        Assert.Equal(Observations.Start.AddMinutes(12), third.FirstDriftAt);
    }

    [Fact]
    public void Next_EvidenceLapsesDuringConfirmation_RestartsTheSpan()
    {
        var history = Step(MetricHistory.Initial, 0.001, 10);
        history = Step(history, 0.03, 11);
        history = Step(history, 0.001, 12);
        history = Step(history, 0.001, 13);

        Assert.Equal(DriftState.Warning, history.State);
        Assert.Equal(DriftState.Drift, Step(history, 0.001, 14).State);
    }

    [Fact]
    public void Next_SignificantButSmallEffect_StaysWarning()
    {
        var history = MetricHistory.Initial;
        for (var bucket = 0; bucket < 10; bucket++)
        {
            history = Step(history, 1e-9, bucket, Small);
        }

        Assert.Equal(DriftState.Warning, history.State);
    }

    [Theory]
    [InlineData(0.03, "Drift")]
    [InlineData(0.19, "Drift")]
    [InlineData(0.21, "Ok")]
    public void Next_InDrift_ClearsOnlyAboveTheClearAlpha(double p, string expected)
    {
        var drift = new MetricHistory(DriftState.Drift, 5, 300, Observations.Start);

        var next = Step(drift, p, 20);

        Assert.Equal(Enum.Parse<DriftState>(expected), next.State);
        Assert.Equal(expected == "Drift" ? 300 : null, next.PairsAtDetection);
    }

    [Theory]
    [InlineData(0.04, "Warning")]
    [InlineData(0.15, "Warning")]
    [InlineData(0.25, "Ok")]
    public void Next_InWarning_ClearsOnlyAboveTheClearAlpha(double p, string expected)
    {
        var warning = new MetricHistory(DriftState.Warning, null, null, null);

        Assert.Equal(Enum.Parse<DriftState>(expected), Step(warning, p, 20).State);
    }

    [Fact]
    public void Next_FromOk_ModerateEvidenceIsNotEnoughForWarning()
    {
        Assert.Equal(DriftState.Ok, Step(MetricHistory.Initial, 0.06, 1).State);
    }

    [Fact]
    public void Next_NoVerdict_ResetsToOk()
    {
        var drift = new MetricHistory(DriftState.Drift, 5, 300, Observations.Start);

        Assert.Equal(MetricHistory.Initial, Step(drift, null, 20));
    }
}
