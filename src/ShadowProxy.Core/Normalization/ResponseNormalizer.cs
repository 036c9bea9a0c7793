using System.Text;
using System.Text.Json;
using ShadowProxy.Core.Exchanges;

namespace ShadowProxy.Core.Normalization;

/// <summary>Turns any captured provider response into a <see cref="NormalizedResponse"/>; never throws.</summary>
internal static class ResponseNormalizer
{
    private const int MaxErrorTextChars = 200;

    public static NormalizedResponse Normalize(OperationKind operation, CapturedResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        try
        {
            return NormalizeCore(operation, response);
        }
        catch (JsonException ex)
        {
            var reason = response.Truncated ? "capture truncated mid-body" : $"invalid JSON: {ex.Message}";
            return NormalizedResponse.Unparseable(reason, response.Truncated);
        }
#pragma warning disable CA1031 // The contract is "never throws": any malformed input becomes Unparseable.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return NormalizedResponse.Unparseable($"{ex.GetType().Name}: {ex.Message}", response.Truncated);
        }
    }

    private static NormalizedResponse NormalizeCore(OperationKind operation, CapturedResponse response)
    {
        var body = response.Body;
        var truncated = response.Truncated;
        if (body.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return response.IsSuccessStatus
                ? NormalizedResponse.Unparseable("empty body", truncated)
                : ErrorBodyReader.ToResponse(null, response.StatusCode, truncated);
        }

        if (!response.IsSuccessStatus)
        {
            return NormalizeError(response);
        }

        if (response.IsEventStream || ServerSentEventReader.LooksLikeEventStream(body.Span))
        {
            var events = ServerSentEventReader.Read(body).ToList();
            return StreamOperation(operation, events) switch
            {
                OperationKind.Responses => ResponsesStreamReader.Read(events, truncated),
                OperationKind.Messages => AnthropicStreamReader.Read(events, truncated),
                _ => ChatStreamReader.Read(events, truncated),
            };
        }

        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return NormalizedResponse.Unparseable("body is not a JSON object", truncated);
        }

        if (ErrorBodyReader.Read(root) is { } error && root.Property("output") is null && root.Property("content") is null)
        {
            return ErrorBodyReader.ToResponse(error, response.StatusCode, truncated);
        }

        return SniffOperation(operation, root) switch
        {
            OperationKind.Embeddings => EmbeddingsReader.Read(root, truncated),
            OperationKind.Responses => ResponsesReader.Read(root, truncated),
            OperationKind.Messages => AnthropicMessageReader.Read(root, truncated),
            _ => ChatCompletionReader.Read(root, truncated),
        };
    }

    private static NormalizedResponse NormalizeError(CapturedResponse response)
    {
        try
        {
            using var document = JsonDocument.Parse(response.Body);
            return ErrorBodyReader.ToResponse(ErrorBodyReader.Read(document.RootElement), response.StatusCode, response.Truncated);
        }
        catch (JsonException)
        {
            var text = Encoding.UTF8.GetString(response.Body.Span[..Math.Min(response.Body.Length, MaxErrorTextChars)]);
            var detail = new ProviderErrorDetail { Code = JsonElementReading.Format(response.StatusCode), Message = text.Trim() };
            return ErrorBodyReader.ToResponse(detail, response.StatusCode, response.Truncated);
        }
    }

    /// <summary>The path may be unknown (custom routes), so the body shape decides.</summary>
    private static OperationKind SniffOperation(OperationKind operation, JsonElement root)
    {
        if (operation is not OperationKind.Other)
        {
            return operation;
        }

        if (root.String("type") == "message")
        {
            return OperationKind.Messages;
        }

        return root.String("object") switch
        {
            "response" => OperationKind.Responses,
            "list" when root.Property("data") is not null => OperationKind.Embeddings,
            _ => OperationKind.ChatCompletions,
        };
    }

    /// <summary>The path decides when it is known; otherwise the first event's type does.</summary>
    private static OperationKind StreamOperation(OperationKind operation, List<ServerSentEvent> events)
    {
        if (operation is OperationKind.Responses or OperationKind.Messages)
        {
            return operation;
        }

        var first = events.FirstOrDefault();
        if (first.EventType?.StartsWith("response.", StringComparison.Ordinal) == true
            || first.Data?.Contains("\"type\":\"response.", StringComparison.Ordinal) == true)
        {
            return OperationKind.Responses;
        }

        return first.EventType == "message_start" || first.Data?.Contains("\"type\":\"message_start\"", StringComparison.Ordinal) == true
            ? OperationKind.Messages
            : OperationKind.ChatCompletions;
    }
}
