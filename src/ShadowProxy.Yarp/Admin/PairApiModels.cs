namespace ShadowProxy.Yarp.Admin;

internal sealed record PairPage(long Total, int Page, int PageSize, IReadOnlyList<PairSummary> Items);

internal sealed record PairSummary(
    string Id,
    string Route,
    DateTimeOffset StartedAt,
    string? RequestedModel,
    string? PrimaryModel,
    string? BaselineModel,
    string Agreement,
    string? PrimaryAnswer,
    string? BaselineAnswer,
    IReadOnlyList<string> PrimaryFlags,
    IReadOnlyList<string> BaselineFlags,
    double? LengthLogRatio,
    int PrimaryChars,
    int BaselineChars,
    bool Streamed);

internal sealed record PairDetail(
    PairSummary Summary,
    bool Capture,
    string? Prompt,
    string? PrimaryText,
    string? BaselineText,
    string? PrimaryTextHash,
    string? BaselineTextHash,
    IReadOnlyList<DiffOp> Diff,
    string? PrimaryFinishReason,
    string? BaselineFinishReason,
    IReadOnlyList<string> PrimaryFenceLanguages,
    IReadOnlyList<string> BaselineFenceLanguages,
    PairTimings Timings,
    PairTokens Tokens,
    double? TokenF1,
    double? RougeL,
    string Extractor,
    PairToolCalls ToolCalls);

/// <summary>How the two sides' function calls compared: counts, same function set, same canonical arguments.</summary>
internal sealed record PairToolCalls(int Primary, int Baseline, bool? NamesEqual, bool? ArgumentsEqual);

internal sealed record DiffOp(string Op, string Text);

internal sealed record PairTimings(double PrimaryTtfbMs, double BaselineTtfbMs, double PrimaryTotalMs, double BaselineTotalMs);

internal sealed record PairTokens(int? PrimaryInput, int? PrimaryOutput, int? BaselineInput, int? BaselineOutput);

internal sealed record HistoryResponse(int BucketSeconds, IReadOnlyList<HistoryPoint> Points);

internal sealed record HistoryPoint(
    DateTimeOffset At, long Pairs, double? Disagreement, double? NoiseFloor, double? MeanLogRatio,
    double? RefusalPrimary, double? RefusalBaseline, double? CodeFencedPrimary, double? CodeFencedBaseline,
    double? JsonValidPrimary, double? JsonValidBaseline, double? NoAnswerPrimary, double? NoAnswerBaseline);
