using System.Text.Json;

namespace ShadowProxy.Core.Normalization;

/// <summary>
/// Reassembles a Responses API event stream. The terminal <c>response.completed</c>/<c>response.incomplete</c>
/// event carries the whole response and wins when it has output; deltas are the fallback.
/// Without a terminal event the stream was cut off.
/// </summary>
internal static class ResponsesStreamReader
{
    public static NormalizedResponse Read(IEnumerable<ServerSentEvent> events, bool captureTruncated)
    {
        var choice = new ChoiceAccumulator(0);
        foreach (var sse in events)
        {
            if (sse.IsDone)
            {
                break;
            }

            using var document = JsonDocument.Parse(sse.Data);
            var data = document.RootElement;
            var type = data.String("type") ?? sse.EventType;
            switch (type)
            {
                case "response.output_text.delta":
                    choice.AppendText(data.String("delta"));
                    break;
                case "response.refusal.delta":
                    choice.AppendRefusal(data.String("delta"));
                    break;
                case "response.function_call_arguments.delta":
                    choice.ToolCall(data.Int("output_index") ?? 0).AppendArguments(data.String("delta"));
                    break;
                case "response.output_item.added" or "response.output_item.done":
                    ReadFunctionCallItem(data, choice);
                    break;
                case "response.completed" or "response.incomplete" or "response.failed":
                    return Finish(data.Property("response"), choice, captureTruncated);
                case "error":
                    return ErrorBodyReader.ToResponse(
                        ErrorBodyReader.Read(data) ?? new ProviderErrorDetail
                        {
                            Code = data.String("code"),
                            Message = data.String("message"),
                        },
                        200,
                        captureTruncated);
                default:
                    break;
            }
        }

        return new NormalizedResponse
        {
            Status = ResponseStatus.Unparseable,
            Reason = NormalizedResponse.StreamCutOffReason,
            Choices = [choice.Build()],
            CaptureTruncated = captureTruncated,
        };
    }

    private static void ReadFunctionCallItem(JsonElement data, ChoiceAccumulator choice)
    {
        if (data.Property("item") is { } item && item.String("type") == "function_call")
        {
            choice.ToolCall(data.Int("output_index") ?? 0)
                .Complete(item.String("call_id") ?? item.String("id"), item.String("name"), item.String("arguments"));
        }
    }

    private static NormalizedResponse Finish(JsonElement? response, ChoiceAccumulator choice, bool captureTruncated)
    {
        var streamed = choice.Build();
        if (response is not { } final)
        {
            return new NormalizedResponse { Choices = [streamed with { FinishReason = "stop" }], CaptureTruncated = captureTruncated };
        }

        var full = ResponsesReader.Read(final, captureTruncated);
        if (full.Status == ResponseStatus.ProviderError || full.Choices.Any(HasContent))
        {
            return full;
        }

        return new NormalizedResponse
        {
            Choices = [streamed with { FinishReason = ResponsesReader.FinishReason(final, streamed) }],
            Usage = UsageReader.Read(final),
            Model = final.String("model"),
            Id = final.String("id"),
            CaptureTruncated = captureTruncated,
        };
    }

    private static bool HasContent(NormalizedChoice choice) =>
        choice.Text.Length > 0 || choice.Refusal is not null || choice.ToolCalls.Count > 0;
}
