using System.Text.Json;

namespace ShadowProxy.Core.Normalization;

/// <summary>
/// Reassembles a chat or legacy-completions SSE stream. Complete means <c>[DONE]</c> arrived or every
/// choice reported a finish_reason; anything less is a cut-off stream.
/// </summary>
internal static class ChatStreamReader
{
    public static NormalizedResponse Read(IEnumerable<ServerSentEvent> events, bool captureTruncated)
    {
        var choices = new ChoiceSet();
        var state = new StreamState();
        foreach (var sse in events)
        {
            if (sse.IsDone)
            {
                state.Done = true;
                break;
            }

            using var document = JsonDocument.Parse(sse.Data);
            var chunk = document.RootElement;
            if (ErrorBodyReader.Read(chunk) is { } error)
            {
                return ErrorBodyReader.ToResponse(error, 200, captureTruncated);
            }

            state.Observe(chunk);
            foreach (var item in chunk.Items("choices"))
            {
                var choice = choices[item.Int("index") ?? 0];
                if (item.Property("delta") is { } delta)
                {
                    ChatMessageReader.Read(delta, choice);
                }

                choice.AppendText(item.String("text"));
                choice.FinishReason ??= item.String("finish_reason");
            }
        }

        var complete = state.Done || choices.AllFinished;
        return new NormalizedResponse
        {
            Status = complete ? ResponseStatus.Ok : ResponseStatus.Unparseable,
            Reason = complete ? null : NormalizedResponse.StreamCutOffReason,
            Choices = choices.Build(),
            Usage = state.Usage,
            Model = state.Model,
            Id = state.Id,
            SystemFingerprint = state.SystemFingerprint,
            CaptureTruncated = captureTruncated,
        };
    }

    private sealed class StreamState
    {
        public bool Done { get; set; }

        public TokenUsage? Usage { get; private set; }

        public string? Model { get; private set; }

        public string? Id { get; private set; }

        public string? SystemFingerprint { get; private set; }

        public void Observe(JsonElement chunk)
        {
            Model ??= chunk.String("model");
            Id ??= chunk.String("id");
            SystemFingerprint ??= chunk.String("system_fingerprint");
            Usage = UsageReader.Read(chunk) ?? Usage;
        }
    }
}
