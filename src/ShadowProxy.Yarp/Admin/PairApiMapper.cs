using ShadowProxy.Core.Comparison;
using ShadowProxy.Core.Drift.Tracking;
using ShadowProxy.Yarp.Pairs;
using ShadowProxy.Yarp.Telemetry;

namespace ShadowProxy.Yarp.Admin;

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

    /// <summary>
    /// Pairs where the named catalogue judgement differs between the sides — a flag set on one side only, or a
    /// disagreement such as `tool_name_disagreement` — or whose answers disagree (`disagreement`); any other name matches all.
    /// </summary>
    public static bool MatchesMetric(PairRecord pair, string metric)
    {
        if (metric == "disagreement")
        {
            return pair.Comparison.Agreement is AnswerAgreement.Disagree or AnswerAgreement.BaselineNoAnswer or AnswerAgreement.PrimaryNoAnswer;
        }

        var observation = PairObservation.From(pair.Comparison, noise: null, pair.StartedAt);
        if (DriftFlags.TryParse(metric, out var flag))
        {
            return observation.Flags.TryGetValue(flag, out var judged) && judged.Baseline != judged.Primary;
        }

        return !DisagreementKinds.TryParse(metric, out var kind) || observation.Disagreements.GetValueOrDefault(kind).Primary == true;
    }
}
