using System.Text;

namespace ShadowProxy.Core.Normalization;

/// <summary>Builds one choice from a whole message or from streamed deltas.</summary>
internal sealed class ChoiceAccumulator(int index)
{
    private readonly StringBuilder _text = new();
    private readonly StringBuilder _refusal = new();
    private readonly SortedDictionary<int, ToolCallAccumulator> _toolCalls = [];

    public int Index { get; } = index;

    public string? FinishReason { get; set; }

    public void AppendText(string? fragment) => _text.Append(fragment);

    public void AppendRefusal(string? fragment) => _refusal.Append(fragment);

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

    public NormalizedChoice Build() => new()
    {
        Index = Index,
        Text = _text.ToString(),
        Refusal = _refusal.Length > 0 ? _refusal.ToString() : null,
        ToolCalls = [.. _toolCalls.Values.Select(static call => call.Build())],
        FinishReason = FinishReason,
    };
}
