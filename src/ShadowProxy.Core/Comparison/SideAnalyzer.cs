using ShadowProxy.Core.Normalization;

namespace ShadowProxy.Core.Comparison;

/// <summary>Computes <see cref="SideFacts"/> for one response.</summary>
internal sealed class SideAnalyzer(PairComparerOptions options, RefusalDetector refusals, PriceTable prices)
{
    public SideAnalysis Analyze(RequestFacts request, NormalizedResponse response, IAnswerExtractor extractor, bool jsonApplies)
    {
        if (response.Status == ResponseStatus.Unparseable)
        {
            return new SideAnalysis(SideFacts.ForUnparseable, string.Empty, null);
        }

        if (response.Status == ResponseStatus.ProviderError)
        {
            return new SideAnalysis(new SideFacts { ProviderError = true, Truncated = response.CaptureTruncated }, string.Empty, null);
        }

        var choice = response.FirstChoice;
        var text = choice?.Text ?? string.Empty;
        var shape = MarkdownScanner.Scan(text);
        var json = jsonApplies ? JsonAnswerFacts.Inspect(request, text) : JsonAnswerFacts.NotApplicable;
        var outputTokens = response.Usage?.CompletionTokens
            ?? (options.CountTokensWithoutUsage ? OutputTokenCounter.Count(text) : null);
        var finish = choice?.FinishReason;
        var facts = new SideFacts
        {
            Chars = text.Length,
            Words = WordTokens.CountWords(text),
            OutputTokens = outputTokens,
            Refusal = refusals.IsRefusal(choice),
            JsonValid = json.Valid,
            SchemaValid = json.SchemaValid,
            CodeFenced = shape.FencedBlocks > 0,
            FenceLanguages = shape.FenceLanguages,
            MarkdownHeadings = shape.Headings,
            MarkdownListItems = shape.ListItems,
            Answer = ExtractAnswer(choice, extractor),
            ToolCalls = choice?.ToolCalls.Count ?? 0,
            Truncated = response.CaptureTruncated || finish is "length" or "max_output_tokens" or "max_tokens",
            FinishReason = finish,
            CostUsd = prices.CostUsd(response.Model ?? request.Model, InputTokens(request, response), outputTokens),
        };
        return new SideAnalysis(facts, text, json.KeyPaths);
    }

    /// <summary>A tool-call-only answer compares by its calls; text answers go through the extractor.</summary>
    private static string? ExtractAnswer(NormalizedChoice? choice, IAnswerExtractor extractor)
    {
        if (choice is null)
        {
            return null;
        }

        return choice.Text.Length == 0 && choice.ToolCalls.Count > 0
            ? ToolCallSignature.Of(choice.ToolCalls)
            : extractor.Extract(choice.Text);
    }

    private int? InputTokens(RequestFacts request, NormalizedResponse response)
    {
        if (response.Usage?.PromptTokens is { } reported)
        {
            return reported;
        }

        return options.CountTokensWithoutUsage && prices.Find(response.Model ?? request.Model) is not null
            ? OutputTokenCounter.Count(request.PromptText)
            : null;
    }
}
