using System.Text;

namespace ShadowProxy.Core.Normalization;

/// <summary>Builds one choice from a whole message or from streamed deltas.</summary>
internal sealed class ChoiceAccumulator(int index)
{
    private readonly StringBuilder _text = new();
    private readonly StringBuilder _refusal = new();
    private readonly StringBuilder _reasoning = new();
    private readonly SortedDictionary<int, ToolCallAccumulator> _toolCalls = [];

    public int Index { get; } = index;

    public string? FinishReason { get; set; }

    public void AppendText(string? fragment) => _text.Append(fragment);

    public void AppendRefusal(string? fragment) => _refusal.Append(fragment);

    public void AppendReasoning(string? fragment) => _reasoning.Append(fragment);

    /// <summary>The text so far: a refusal stop reason makes it the refusal.</summary>
    public string TextSoFar => _text.ToString();

    public ToolCallAccumulator ToolCall(int toolIndex)
    {
        if (!_toolCalls.TryGetValue(toolIndex, out var call))
        {
            call = new ToolCallAccumulator();
            _toolCalls[toolIndex] = call;
        }

        return call;
    }

    public int ToolCallCount => _toolCalls.Count;

    public bool HasToolCall(int toolIndex, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ToolCallAccumulator? call) =>
        _toolCalls.TryGetValue(toolIndex, out call);

    public NormalizedChoice Build() => new()
    {
        Index = Index,
        Text = _text.ToString(),
        Refusal = _refusal.Length > 0 ? _refusal.ToString() : null,
        Reasoning = _reasoning.Length > 0 ? _reasoning.ToString() : null,
        ToolCalls = [.. _toolCalls.Values.Select(static call => call.Build())],
        FinishReason = FinishReason,
    };
}
