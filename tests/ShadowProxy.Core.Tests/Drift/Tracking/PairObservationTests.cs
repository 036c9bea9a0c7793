using ShadowProxy.Core.Comparison;
using ShadowProxy.Core.Drift.Tracking;
using ShadowProxy.Core.Normalization;

namespace ShadowProxy.Core.Tests.Drift.Tracking;

public sealed class PairObservationTests
{
    private static readonly PairComparer Comparer = new(new PairComparerOptions { CountTokensWithoutUsage = false });
    private static readonly RequestFacts LabelPrompt = new() { PromptText = "Is 17 prime? Answer [Yes] or [No]." };

    private static NormalizedResponse Chat(string text) => new()
    {
        Status = ResponseStatus.Ok,
        Choices = [new NormalizedChoice { Text = text, FinishReason = "stop" }],
    };

    private static PairComparison Compare(NormalizedResponse baseline, NormalizedResponse primary, RequestFacts? request = null) =>
        Comparer.Compare(new ComparisonInput { Request = request ?? LabelPrompt, Baseline = baseline, Primary = primary });

    [Theory]
    [InlineData("[Yes]", "[Yes]", false)]
    [InlineData("[Yes]", "[No]", true)]
    [InlineData("maybe", "[No]", true)]
    [InlineData("[Yes]", "maybe", true)]
    [InlineData("maybe", "perhaps", null)]
    public void From_AnswerOutcomes_MapToDisagreement(string baseline, string primary, bool? expected)
    {
        var observation = PairObservation.From(Compare(Chat(baseline), Chat(primary)), null, Observations.Start);

        Assert.Equal(expected, Answer(observation).Primary);
        Assert.Null(Answer(observation).Noise);
    }

    [Fact]
    public void From_NoiseComparison_GivesTheNoiseDisagreement()
    {
        var noise = Compare(Chat("[Yes]"), Chat("[No]"));

        var observation = PairObservation.From(Compare(Chat("[Yes]"), Chat("[Yes]")), noise, Observations.Start);

        Assert.True(Answer(observation).Noise);
        Assert.Equal(Observations.Start, observation.At);
    }

    [Fact]
    public void From_FreeTextAnswers_AreUndecidedButStillCountLengthsAndFlags()
    {
        var request = new RequestFacts { PromptText = "Tell me about lighthouses." };

        var observation = PairObservation.From(Compare(Chat("Lighthouses guide ships."), Chat("```\ncode\n```"), request), null, Observations.Start);

        Assert.Null(Answer(observation).Primary);
        Assert.Equal(AnswerLabel.FreeText, observation.PrimaryAnswer);
        Assert.Equal(new PairedFlag(false, true), observation.Flags[DriftFlag.CodeFenced]);
        Assert.False(observation.Flags.ContainsKey(DriftFlag.JsonValid));
        Assert.Equal(24, observation.BaselineChars);
        Assert.NotNull(observation.LengthLogRatio);
    }

    [Fact]
    public void From_UnusableSide_KeepsNoFlagsLengthsOrLabels()
    {
        var observation = PairObservation.From(
            Compare(Chat("[Yes]"), NormalizedResponse.Unparseable(NormalizedResponse.StreamCutOffReason)), null, Observations.Start);

        Assert.Null(Answer(observation).Primary);
        Assert.Empty(observation.Flags);
        Assert.Null(observation.PrimaryChars);
        Assert.Null(observation.PrimaryAnswer);
        Assert.Null(observation.LengthLogRatio);
    }

    [Fact]
    public void From_RefusalAndMissingAnswer_SetTheirFlags()
    {
        var observation = PairObservation.From(Compare(Chat("[No]"), Chat("I'm sorry, but I can't help with that.")), null, Observations.Start);

        Assert.Equal(new PairedFlag(false, true), observation.Flags[DriftFlag.Refusal]);
        Assert.Equal(new PairedFlag(true, false), observation.Flags[DriftFlag.AnswerExtracted]);
        Assert.Equal(AnswerLabel.None, observation.PrimaryAnswer);
        Assert.Equal("no", observation.BaselineAnswer);
    }

    private static PairedDisagreement Answer(PairObservation observation) =>
        observation.Disagreements.GetValueOrDefault(DisagreementKind.Answer);
}
