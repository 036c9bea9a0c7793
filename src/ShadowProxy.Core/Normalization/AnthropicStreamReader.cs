using System.Text.Json;

namespace ShadowProxy.Core.Normalization;

/// <summary>
/// Reassembles an Anthropic Messages event stream: message_start, content_block_start/delta/stop (text_delta,
/// input_json_delta for tool use, thinking_delta), message_delta (stop_reason, usage) and message_stop. Only
/// message_stop completes it; an <c>error</c> event is the provider's error.
/// </summary>
internal static class AnthropicStreamReader
{
    public static NormalizedResponse Read(IEnumerable<ServerSentEvent> events, bool captureTruncated)
    {
        var choice = new ChoiceAccumulator(0);
        string? model = null;
        string? id = null;
        TokenUsage? usage = null;
        var complete = false;
        foreach (var sse in events)
        {
            using var document = JsonDocument.Parse(sse.Data);
            var data = document.RootElement;
            switch (data.String("type") ?? sse.EventType)
            {
                case "message_start" when data.Property("message") is { } message:
                    model = message.String("model");
                    id = message.String("id");
                    usage = AnthropicMessageReader.Usage(message.Property("usage"), null);
                    break;
                case "content_block_start" when data.Property("content_block") is { } block:
                    AnthropicMessageReader.ReadBlock(block, data.Int("index") ?? 0, choice, whole: false);
                    break;
                case "content_block_stop":
                    // A tool called without arguments streams no input_json_delta; whole, its input is {}.
                    if (choice.HasToolCall(data.Int("index") ?? 0, out var call) && !call.HasArguments)
                    {
                        call.AppendArguments("{}");
                    }

                    break;
                case "content_block_delta" when data.Property("delta") is { } delta:
                    ReadDelta(delta, data.Int("index") ?? 0, choice);
                    break;
                case "message_delta":
                    AnthropicStopReasons.Apply(data.Property("delta")?.String("stop_reason"), choice);
                    usage = AnthropicMessageReader.Usage(data.Property("usage"), usage);
                    break;
                case "message_stop":
                    complete = true;
                    break;
                case "error":
                    return ErrorBodyReader.ToResponse(ErrorBodyReader.Read(data), 200, captureTruncated);
                default:
                    // ping and event types added later.
                    break;
            }
        }

        return new NormalizedResponse
        {
            Status = complete ? ResponseStatus.Ok : ResponseStatus.Unparseable,
            Reason = complete ? null : NormalizedResponse.StreamCutOffReason,
            Choices = [choice.Build()],
            Usage = usage,
            Model = model,
            Id = id,
            CaptureTruncated = captureTruncated,
        };
    }

    private static void ReadDelta(JsonElement delta, int index, ChoiceAccumulator choice)
    {
        switch (delta.String("type"))
        {
            case "text_delta":
                choice.AppendText(delta.String("text"));
                break;
            case "input_json_delta":
                choice.ToolCall(index).AppendArguments(delta.String("partial_json"));
                break;
            case "thinking_delta":
                choice.AppendReasoning(delta.String("thinking"));
                break;
            default:
                // signature_delta, citations_delta: nothing to compare.
                break;
        }
    }
}
