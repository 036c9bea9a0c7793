using System.Text.Json;

namespace ShadowProxy.Core.Normalization;

/// <summary>
/// Reads an Anthropic Messages response (<c>{"type":"message","content":[…]}</c>): text blocks are the answer,
/// tool_use blocks are tool calls (their <c>input</c> object is the arguments), thinking blocks are kept apart.
/// </summary>
internal static class AnthropicMessageReader
{
    public static NormalizedResponse Read(JsonElement message, bool captureTruncated)
    {
        if (message.Property("content") is not { ValueKind: JsonValueKind.Array } content)
        {
            return NormalizedResponse.Unparseable("no content array", captureTruncated);
        }

        var choice = new ChoiceAccumulator(0);
        var position = 0;
        foreach (var block in content.EnumerateArray())
        {
            ReadBlock(block, position++, choice, whole: true);
        }

        AnthropicStopReasons.Apply(message.String("stop_reason"), choice);
        return new NormalizedResponse
        {
            Status = ResponseStatus.Ok,
            Choices = [choice.Build()],
            Usage = Usage(message.Property("usage"), null),
            Model = message.String("model"),
            Id = message.String("id"),
            CaptureTruncated = captureTruncated,
        };
    }

    /// <summary>One content block, whole (a response) or as its stream start, whose tool input is still empty.</summary>
    public static void ReadBlock(JsonElement block, int index, ChoiceAccumulator choice, bool whole)
    {
        switch (block.String("type"))
        {
            case "text":
                choice.AppendText(block.String("text"));
                break;
            case "tool_use" or "server_tool_use":
                var arguments = whole ? block.Property("input")?.GetRawText() ?? "{}" : null;
                choice.ToolCall(index).Complete(block.String("id"), block.String("name"), arguments);
                break;
            case "thinking":
                choice.AppendReasoning(block.String("thinking"));
                break;
            default:
                // redacted_thinking, tool results of server tools and future block types carry no answer text.
                break;
        }
    }

    /// <summary>
    /// Input tokens include the cached ones (Anthropic reports them apart), since budgets and cost count them too;
    /// in a stream, <paramref name="start"/> is message_start's usage and the delta's counts are cumulative.
    /// </summary>
    public static TokenUsage? Usage(JsonElement? usage, TokenUsage? start)
    {
        if (usage is not { ValueKind: JsonValueKind.Object } counts)
        {
            return start;
        }

        int? input = counts.Int("input_tokens") is { } fresh
            ? fresh + (counts.Int("cache_creation_input_tokens") ?? 0) + (counts.Int("cache_read_input_tokens") ?? 0)
            : start?.PromptTokens;
        var output = counts.Int("output_tokens") ?? start?.CompletionTokens;
        return new TokenUsage { PromptTokens = input, CompletionTokens = output, TotalTokens = input + output };
    }
}
