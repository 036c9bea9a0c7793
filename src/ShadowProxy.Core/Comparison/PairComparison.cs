namespace ShadowProxy.Core.Comparison;

/// <summary>The outcome of comparing one primary response with its baseline. Ratios are primary over baseline.</summary>
internal sealed record PairComparison
{
    public required SideFacts Baseline { get; init; }

    public required SideFacts Primary { get; init; }

    public AnswerAgreement Agreement { get; init; }

    public AnswerExtractorKind ExtractorUsed { get; init; }

    /// <summary>ln((primaryChars + 1) / (baselineChars + 1)); 0 means equal length.</summary>
    public double? LengthLogRatio { get; init; }

    public double? TokenF1 { get; init; }

    public double? RougeL { get; init; }

    /// <summary>The request offered tools, so whether each side called one is a fact to compare.</summary>
    public bool ToolsOffered { get; init; }

    /// <summary>Both sides called the same set of functions; null unless both called tools.</summary>
    public bool? ToolNamesEqual { get; init; }

    /// <summary>Same functions with the same canonical arguments; null unless both called the same set.</summary>
    public bool? ToolArgumentsEqual { get; init; }

    /// <summary>The similarity free-text answers are tracked by: token F1 when the extractor read the whole text.</summary>
    public double? FreeTextSimilarity => ExtractorUsed == AnswerExtractorKind.WholeText ? TokenF1 : null;

    public bool FinishReasonMismatch { get; init; }

    /// <summary>Jaccard similarity of JSON key paths, when both sides answered valid JSON.</summary>
    public double? JsonKeyPathSimilarity { get; init; }

    public double? EmbeddingCosine { get; init; }

    public double? LatencyRatio { get; init; }

    public double? TtftRatio { get; init; }

    public double? CostDeltaUsd { get; init; }
}
