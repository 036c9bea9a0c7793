using ShadowProxy.Core.Comparison;
using ShadowProxy.Gateway.Pairs;
using ShadowProxy.Gateway.Telemetry;

namespace ShadowProxy.Gateway.Admin;

internal static class PairApiMapper
{
    /// <summary>Answers in a list page are shortened to this; the pair's own page has them whole (as stored).</summary>
    public const int SummaryAnswerChars = 120;

    public static PairSummary Summary(PairRecord pair) => new(
        pair.PairId,
        pair.RouteId,
        pair.StartedAt,
        pair.RequestedModel,
        pair.PrimaryModel,
        pair.BaselineModel,
        AgreementLabels.Of(pair.Comparison.Agreement),
        Shorten(pair.Comparison.Primary.Answer),
        Shorten(pair.Comparison.Baseline.Answer),
        [.. ResponseFlags.Of(pair.Comparison.Primary)],
        [.. ResponseFlags.Of(pair.Comparison.Baseline)],
        pair.Comparison.LengthLogRatio,
        pair.Comparison.Primary.Chars,
        pair.Comparison.Baseline.Chars,
        pair.Streamed);

    public static PairDetail Detail(PairRecord pair)
    {
        var capture = pair.PrimaryText is not null || pair.BaselineText is not null;
        return new PairDetail(
            Summary(pair),
            capture,
            pair.PromptText,
            pair.PrimaryText,
            pair.BaselineText,
            pair.PrimaryTextHash,
            pair.BaselineTextHash,
            capture ? WordDiff.Between(pair.BaselineText ?? string.Empty, pair.PrimaryText ?? string.Empty) : [],
            pair.PrimaryFinishReason,
            pair.BaselineFinishReason,
            pair.Comparison.Primary.FenceLanguages,
            pair.Comparison.Baseline.FenceLanguages,
            new PairTimings(pair.PrimaryTimeToFirstByte.TotalMilliseconds, pair.BaselineTimeToFirstByte.TotalMilliseconds, pair.PrimaryTotal.TotalMilliseconds, pair.BaselineTotal.TotalMilliseconds),
            new PairTokens(pair.PrimaryUsage?.PromptTokens, pair.PrimaryUsage?.CompletionTokens ?? pair.Comparison.Primary.OutputTokens, pair.BaselineUsage?.PromptTokens, pair.BaselineUsage?.CompletionTokens ?? pair.Comparison.Baseline.OutputTokens),
            pair.Comparison.TokenF1,
            pair.Comparison.RougeL,
            pair.Comparison.ExtractorUsed.ToString(),
            new PairToolCalls(pair.Comparison.Primary.ToolCalls, pair.Comparison.Baseline.ToolCalls, pair.Comparison.ToolNamesEqual, pair.Comparison.ToolArgumentsEqual));
    }

    private static string? Shorten(string? answer) =>
        answer is { Length: > SummaryAnswerChars } ? answer[..SummaryAnswerChars] + "…" : answer;

    /// <summary>Pairs where the named flag differs between the sides, or whose answers disagree (`disagreement`).</summary>
    public static bool MatchesMetric(PairRecord pair, string metric)
    {
        var (b, p) = (pair.Comparison.Baseline, pair.Comparison.Primary);
        return metric switch
        {
            "disagreement" => pair.Comparison.Agreement is AnswerAgreement.Disagree or AnswerAgreement.BaselineNoAnswer or AnswerAgreement.PrimaryNoAnswer,
            "refusal" => b.Refusal != p.Refusal,
            "code_fenced" => b.CodeFenced != p.CodeFenced,
            "json_valid" => b.JsonValid != p.JsonValid,
            "schema_valid" => b.SchemaValid != p.SchemaValid,
            "answer_extracted" => b.AnswerExtracted != p.AnswerExtracted,
            "truncated" => b.Truncated != p.Truncated,
            "tool_called" => (b.ToolCalls > 0) != (p.ToolCalls > 0),
            "tool_name_disagreement" => pair.Comparison.ToolNamesEqual == false,
            "tool_args_disagreement" => pair.Comparison.ToolArgumentsEqual == false,
            _ => true,
        };
    }
}
