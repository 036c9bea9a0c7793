namespace ShadowProxy.Core.Normalization;

internal sealed record TokenUsage
{
    public int? PromptTokens { get; init; }

    public int? CompletionTokens { get; init; }

    public int? TotalTokens { get; init; }
}
