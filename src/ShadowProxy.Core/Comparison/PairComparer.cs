using ShadowProxy.Core.Normalization;

namespace ShadowProxy.Core.Comparison;

/// <summary>Compares a primary response with its baseline. Thread-safe; create once and share.</summary>
internal sealed class PairComparer
{
    private readonly PairComparerOptions _options;
    private readonly SideAnalyzer _sides;

    public PairComparer(PairComparerOptions? options = null)
    {
        _options = options ?? new PairComparerOptions();
        _sides = new SideAnalyzer(_options, new RefusalDetector(_options), new PriceTable(_options.Prices));
    }

    private static bool LooksLikeJson(NormalizedResponse response) => response.Status == ResponseStatus.Ok && JsonText.LooksLikeJson(response.Text);

    public PairComparison Compare(ComparisonInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var request = input.Request;
        var extractor = AnswerExtractorSelector.Select(input.Profile, request, input.Baseline.Text, input.Primary.Text);
        // Either side answering with JSON makes validity apply to both: were it decided by one side alone, that side
        // would always be valid where the flag applies, and the paired flag would lean one way with no change at all.
        var jsonApplies = request.AsksForJson || LooksLikeJson(input.Baseline) || LooksLikeJson(input.Primary);
        var baseline = _sides.Analyze(request, input.Baseline, extractor, jsonApplies);
        var primary = _sides.Analyze(request, input.Primary, extractor, jsonApplies);
        var bothText = baseline.HasText && primary.HasText;
        var (f1, rouge) = bothText ? Similarity(baseline.Text, primary.Text) : (null, null);

        return new PairComparison
        {
            Baseline = baseline.Facts,
            Primary = primary.Facts,
            Agreement = IsAutoFreeText(input.Profile, extractor.Kind, baseline.Facts, primary.Facts)
                ? AnswerAgreement.NotApplicable
                : Agreement(input, baseline.Facts, primary.Facts),
            ExtractorUsed = extractor.Kind,
            LengthLogRatio = BothUsable(baseline.Facts, primary.Facts)
                ? Math.Log((primary.Facts.Chars + 1.0) / (baseline.Facts.Chars + 1.0))
                : null,
            TokenF1 = f1,
            RougeL = rouge,
            ToolsOffered = request.OffersTools || baseline.Facts.ToolCalls > 0 || primary.Facts.ToolCalls > 0,
            ToolNamesEqual = ToolCallComparison.NamesEqual(BaselineCalls(input), PrimaryCalls(input)),
            ToolArgumentsEqual = ToolCallComparison.ArgumentsEqual(BaselineCalls(input), PrimaryCalls(input)),
            FinishReasonMismatch = baseline.Facts.FinishReason is { } b && primary.Facts.FinishReason is { } p && b != p,
            JsonKeyPathSimilarity = baseline.JsonKeyPaths is { } bk && primary.JsonKeyPaths is { } pk ? JsonKeyPaths.Jaccard(bk, pk) : null,
            EmbeddingCosine = EmbeddingSimilarity.Cosine(input.Baseline, input.Primary),
            LatencyRatio = Ratio(input.PrimaryTimings?.Total, input.BaselineTimings?.Total),
            TtftRatio = Ratio(input.PrimaryTimings?.TimeToFirstByte, input.BaselineTimings?.TimeToFirstByte),
            CostDeltaUsd = primary.Facts.CostUsd - baseline.Facts.CostUsd,
        };
    }

    private (double?, double?) Similarity(string baseline, string primary)
    {
        var tokens = DenseTokens.Map(
            WordTokens.Hash(baseline, _options.SimilarityMaxTokens),
            WordTokens.Hash(primary, _options.SimilarityMaxTokens));
        return (TokenOverlap.F1(tokens), RougeL.FMeasure(tokens));
    }

    /// <summary>
    /// Exact equality of free prose is noise, not a signal: two samples of the same model almost never match word for word.
    /// In auto mode such pairs are left to F1/ROUGE-L; a profile that asks for WholeText still gets strict equality.
    /// </summary>
    private static bool IsAutoFreeText(ComparisonProfile profile, AnswerExtractorKind used, SideFacts baseline, SideFacts primary) =>
        profile.Extractor == AnswerExtractorKind.Auto && used == AnswerExtractorKind.WholeText
        && (baseline.Answer?.Length > MaxShortAnswerChars || primary.Answer?.Length > MaxShortAnswerChars);

    private const int MaxShortAnswerChars = 40;

    private static AnswerAgreement Agreement(ComparisonInput input, SideFacts baseline, SideFacts primary)
    {
        if (baseline.Unparseable || primary.Unparseable
            || (input.Baseline.Embeddings.Count > 0 && input.Primary.Embeddings.Count > 0))
        {
            return AnswerAgreement.NotApplicable;
        }

        return (baseline.Answer, primary.Answer) switch
        {
            (null, null) => AnswerAgreement.NeitherAnswered,
            (null, _) => AnswerAgreement.BaselineNoAnswer,
            (_, null) => AnswerAgreement.PrimaryNoAnswer,
            var (b, p) => string.Equals(b, p, StringComparison.Ordinal) ? AnswerAgreement.Agree : AnswerAgreement.Disagree,
        };
    }

    private static bool BothUsable(SideFacts baseline, SideFacts primary) =>
        !baseline.Unparseable && !primary.Unparseable && !baseline.ProviderError && !primary.ProviderError;

    private static IReadOnlyList<NormalizedToolCall> BaselineCalls(ComparisonInput input) => input.Baseline.FirstChoice?.ToolCalls ?? [];

    private static IReadOnlyList<NormalizedToolCall> PrimaryCalls(ComparisonInput input) => input.Primary.FirstChoice?.ToolCalls ?? [];

    private static double? Ratio(TimeSpan? primary, TimeSpan? baseline) =>
        primary is { } p && baseline is { Ticks: > 0 } b ? p / b : null;
}
