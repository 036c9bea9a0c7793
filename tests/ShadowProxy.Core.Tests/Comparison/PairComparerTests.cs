using ShadowProxy.Core.Comparison;
using ShadowProxy.Core.Normalization;

namespace ShadowProxy.Core.Tests.Comparison;

public sealed class PairComparerTests
{
    private static readonly PairComparer Comparer = new(new PairComparerOptions
    {
        Prices = new Dictionary<string, ModelPrice> { ["gpt-4o"] = new(2.5m, 10m), ["gpt-4o-mini"] = new(0.15m, 0.6m) },
    });

    private static NormalizedResponse Chat(string text, string finish = "stop", TokenUsage? usage = null, string? model = null) => new()
    {
        Status = ResponseStatus.Ok,
        Model = model,
        Usage = usage,
        Choices = [new NormalizedChoice { Text = text, FinishReason = finish }],
    };

    private static PairComparison Compare(NormalizedResponse baseline, NormalizedResponse primary, RequestFacts? request = null) =>
        Comparer.Compare(new ComparisonInput { Request = request ?? RequestFacts.Empty, Baseline = baseline, Primary = primary });

    [Fact]
    public void Compare_SameLabelDifferentReasoning_Agrees()
    {
        var request = new RequestFacts { PromptText = "Is 17 prime? Answer [Yes] or [No]." };

        var result = Compare(Chat("17 has no divisors, so [Yes]"), Chat("[Yes]"), request);

        Assert.Equal(AnswerAgreement.Agree, result.Agreement);
        Assert.Equal(AnswerExtractorKind.BracketLabel, result.ExtractorUsed);
        Assert.Equal(Math.Log(6.0 / 29.0), result.LengthLogRatio!.Value, 10);
    }

    [Theory]
    [InlineData("[Yes]", "[No]", "Disagree")]
    [InlineData("maybe", "[No]", "BaselineNoAnswer")]
    [InlineData("[Yes]", "maybe", "PrimaryNoAnswer")]
    [InlineData("maybe", "perhaps", "NeitherAnswered")]
    public void Compare_LabelOutcomes_ClassifiesAgreement(string baseline, string primary, string expected)
    {
        var request = new RequestFacts { PromptText = "Answer [Yes] or [No]." };

        Assert.Equal(Enum.Parse<AnswerAgreement>(expected), Compare(Chat(baseline), Chat(primary), request).Agreement);
    }

    [Fact]
    public void Compare_UnparseableSide_IsNotApplicable()
    {
        var result = Compare(Chat("a"), NormalizedResponse.Unparseable(NormalizedResponse.StreamCutOffReason));

        Assert.Equal(AnswerAgreement.NotApplicable, result.Agreement);
        Assert.True(result.Primary.Unparseable);
        Assert.Null(result.LengthLogRatio);
    }

    [Fact]
    public void Compare_JsonRequested_ChecksValidityAndSchema()
    {
        var request = RequestFacts.Parse("""
            {"messages":[{"role":"user","content":"x"}],"response_format":{"type":"json_schema","json_schema":{"name":"a",
             "schema":{"type":"object","properties":{"answer":{"type":"string"}},"required":["answer"]}}}}
            """u8.ToArray());

        var result = Compare(Chat("""{"answer":"yes","why":"x"}"""), Chat("```json\n{\"reply\":\"yes\"}\n```"), request);

        Assert.True(result.Baseline.JsonValid);
        Assert.True(result.Baseline.SchemaValid);
        Assert.False(result.Primary.JsonValid);
        Assert.False(result.Primary.SchemaValid);
        Assert.True(result.Primary.CodeFenced);
        Assert.Equal(["json"], result.Primary.FenceLanguages);
        Assert.Null(result.JsonKeyPathSimilarity);
    }

    [Fact]
    public void Compare_BaselineAnsweredJson_ComparesKeyPaths()
    {
        var result = Compare(Chat("""{"a":1,"b":{"c":2}}"""), Chat("""{"a":1,"b":{"d":2}}"""));

        Assert.True(result.Primary.JsonValid);
        Assert.Null(result.Primary.SchemaValid);
        Assert.Equal(2.0 / 4.0, result.JsonKeyPathSimilarity);
        Assert.Equal(AnswerAgreement.Disagree, result.Agreement);
    }

    [Fact]
    public void Compare_PlainText_JsonNotApplicable_ButEitherSideAnsweringJsonJudgesBoth()
    {
        var plain = Compare(Chat("hello"), Chat("hi there"));
        var primaryJson = Compare(Chat("hello"), Chat("{\"a\":1}"));
        var baselineJson = Compare(Chat("{\"a\":1}"), Chat("hello"));

        Assert.Equal((null, null), (plain.Baseline.JsonValid, plain.Primary.JsonValid));
        // Decided by one side alone, that side would always be valid where the flag applies: a lean without a change.
        Assert.Equal((false, true), (primaryJson.Baseline.JsonValid, primaryJson.Primary.JsonValid));
        Assert.Equal((true, false), (baselineJson.Baseline.JsonValid, baselineJson.Primary.JsonValid));
    }

    [Fact]
    public void Compare_ToolCalls_ComparesNamesAndCanonicalArguments()
    {
        static NormalizedResponse Call(string args, string id) => new()
        {
            Choices = [new NormalizedChoice { FinishReason = "tool_calls", ToolCalls = [new NormalizedToolCall { Id = id, Name = "f", Arguments = args }] }],
        };

        var same = Compare(Call("""{"a":1,"b":2}""", "x"), Call("""{ "b": 2.0, "a": 1 }""", "y"));
        var different = Compare(Call("""{"a":1}""", "x"), Call("""{"a":2}""", "x"));

        Assert.Equal((true, true), (same.ToolNamesEqual, same.ToolArgumentsEqual));
        Assert.Equal(AnswerAgreement.Agree, same.Agreement);
        Assert.Equal((true, false), (different.ToolNamesEqual, different.ToolArgumentsEqual));
        Assert.Equal((null, null), (Compare(Chat("a"), Call("{}", "x")).ToolNamesEqual, Compare(Chat("a"), Chat("a")).ToolArgumentsEqual));
    }

    [Fact]
    public void Compare_ParallelToolCalls_IgnoresOrderButNotNames()
    {
        static NormalizedResponse Calls(params string[] names) => new()
        {
            Choices = [new NormalizedChoice { ToolCalls = [.. names.Select(n => new NormalizedToolCall { Name = n, Arguments = "{}" })] }],
        };

        var reordered = Compare(Calls("weather", "time"), Calls("time", "weather"));
        var switched = Compare(Calls("weather"), Calls("stocks"));

        Assert.Equal((true, true, 2), (reordered.ToolNamesEqual, reordered.ToolArgumentsEqual, reordered.Primary.ToolCalls));
        Assert.Equal((false, null), (switched.ToolNamesEqual, switched.ToolArgumentsEqual));
    }

    [Fact]
    public void Compare_UsageAndPrices_ComputesTokensCostAndTruncation()
    {
        var baseline = Chat("short", usage: new TokenUsage { PromptTokens = 1_000, CompletionTokens = 100 }, model: "gpt-4o-mini-2024-07-18");
        var primary = Chat("longer answer", "length", new TokenUsage { PromptTokens = 1_000, CompletionTokens = 200 }, "gpt-4o-2024-08-06");

        var result = Compare(baseline, primary);

        Assert.Equal(100, result.Baseline.OutputTokens);
        Assert.Equal(0.000_21, result.Baseline.CostUsd!.Value, 12);
        Assert.Equal(0.004_5, result.Primary.CostUsd!.Value, 12);
        Assert.Equal(0.004_29, result.CostDeltaUsd!.Value, 12);
        Assert.True(result.Primary.Truncated);
        Assert.True(result.FinishReasonMismatch);
    }

    [Fact]
    public void Compare_NoUsage_CountsTokensWithTokenizer()
    {
        var result = Compare(Chat("Hello world"), Chat(""));

        Assert.Equal(2, result.Baseline.OutputTokens);
        Assert.Equal(0, result.Primary.OutputTokens);
    }

    [Fact]
    public void Compare_Timings_ComputesRatios()
    {
        var result = Comparer.Compare(new ComparisonInput
        {
            Request = RequestFacts.Empty,
            Baseline = Chat("a"),
            Primary = Chat("a"),
            BaselineTimings = new SideTimings(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2)),
            PrimaryTimings = new SideTimings(TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(1)),
        });

        Assert.Equal(0.5, result.LatencyRatio);
        Assert.Equal(3.0, result.TtftRatio!.Value, 10);
    }

    [Fact]
    public void Compare_ProviderErrorSide_HasNoAnswer()
    {
        var error = new NormalizedResponse { Status = ResponseStatus.ProviderError, Error = new ProviderErrorDetail { Code = "500" } };

        var result = Compare(Chat("fine"), error);

        Assert.Equal(AnswerAgreement.PrimaryNoAnswer, result.Agreement);
        Assert.True(result.Primary.ProviderError);
    }

    [Fact]
    public void Compare_Embeddings_ReportsCosineAndNotApplicable()
    {
        var a = new NormalizedResponse { Embeddings = [new[] { 1f, 0f }] };
        var b = new NormalizedResponse { Embeddings = [new[] { 1f, 1f }] };

        var result = Compare(a, b);

        Assert.Equal(AnswerAgreement.NotApplicable, result.Agreement);
        Assert.Equal(Math.Sqrt(0.5), result.EmbeddingCosine!.Value, 6);
    }

    [Fact]
    public void Compare_RefusalOnPrimary_FlagsRefusal()
    {
        var result = Compare(Chat("Here you go."), Chat("I'm sorry, but I can't help with that."));

        Assert.False(result.Baseline.Refusal);
        Assert.True(result.Primary.Refusal);
    }
}
