namespace ShadowProxy.Core.Normalization;

internal sealed record NormalizedChoice
{
    public int Index { get; init; }

    public string Text { get; init; } = string.Empty;

    public string? Refusal { get; init; }

    public IReadOnlyList<NormalizedToolCall> ToolCalls { get; init; } = [];

    public string? FinishReason { get; init; }
}
