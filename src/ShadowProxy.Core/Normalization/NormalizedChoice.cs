namespace ShadowProxy.Core.Normalization;

internal sealed record NormalizedChoice
{
    public int Index { get; init; }

    public string Text { get; init; } = string.Empty;

    public string? Refusal { get; init; }

    /// <summary>Thinking the provider showed (Anthropic thinking blocks): kept apart, never compared as the answer.</summary>
    public string? Reasoning { get; init; }

    public IReadOnlyList<NormalizedToolCall> ToolCalls { get; init; } = [];

    public string? FinishReason { get; init; }
}
