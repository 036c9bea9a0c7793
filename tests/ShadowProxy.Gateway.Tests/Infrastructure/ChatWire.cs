using System.Text.Json;

namespace ShadowProxy.Gateway.Tests.Infrastructure;

/// <summary>
/// Writes OpenAI chat completions as the provider sends them — whole JSON or `chat.completion.chunk` SSE — with
/// text content or tool calls, so a <see cref="RecordingUpstream"/> can answer like the real API.
/// </summary>
internal static class ChatWire
{
    public sealed record ToolCall(string Name, string Arguments);

    public static async Task AnswerAsync(HttpContext context, RecordedRequest request, string? content, IReadOnlyList<ToolCall> calls)
    {
        using var json = request.Json();
        var stream = json?.RootElement.TryGetProperty("stream", out var s) == true && s.ValueKind == JsonValueKind.True;
        var model = request.Model ?? "model";
        if (!stream)
        {
            await CompletionAsync(context, model, content, calls, calls.Count > 0 ? "tool_calls" : "stop");
            return;
        }

        context.Response.ContentType = "text/event-stream";
        await WriteEventAsync(context, Chunk(model, w => Delta(w, "assistant", null, null), null));
        foreach (var piece in Pieces(content))
        {
            await WriteEventAsync(context, Chunk(model, w => Delta(w, null, piece, null), null));
        }

        for (var i = 0; i < calls.Count; i++)
        {
            var index = i;
            var half = calls[i].Arguments.Length / 2;
            await WriteEventAsync(context, Chunk(model, w => Delta(w, null, null, (index, calls[index].Name, calls[index].Arguments[..half])), null));
            await WriteEventAsync(context, Chunk(model, w => Delta(w, null, null, (index, null, calls[index].Arguments[half..])), null));
        }

        await WriteEventAsync(context, Chunk(model, static _ => { }, calls.Count > 0 ? "tool_calls" : "stop"));
        await context.Response.WriteAsync("data: [DONE]\n\n", context.RequestAborted);
    }

    /// <summary>A whole (non-streamed) chat completion.</summary>
    public static Task CompletionAsync(HttpContext context, string model, string? content, IReadOnlyList<ToolCall> calls, string finishReason)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(Completion(model, content, calls, finishReason), context.RequestAborted);
    }

    private static IEnumerable<string> Pieces(string? content)
    {
        for (var start = 0; content is not null && start < content.Length; start += 40)
        {
            yield return content.Substring(start, Math.Min(40, content.Length - start));
        }
    }

    private static async Task WriteEventAsync(HttpContext context, string data)
    {
        await context.Response.WriteAsync("data: " + data + "\n\n", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }

    private static string Completion(string model, string? content, IReadOnlyList<ToolCall> calls, string finishReason) => Json(w =>
    {
        Envelope(w, model, "chat.completion");
        w.WriteStartArray("choices");
        w.WriteStartObject();
        w.WriteNumber("index", 0);
        w.WriteStartObject("message");
        w.WriteString("role", "assistant");
        w.WriteString("content", content);
        if (calls.Count > 0)
        {
            w.WriteStartArray("tool_calls");
            for (var i = 0; i < calls.Count; i++)
            {
                w.WriteStartObject();
                w.WriteString("id", $"call_{Guid.NewGuid():N}");
                w.WriteString("type", "function");
                w.WriteStartObject("function");
                w.WriteString("name", calls[i].Name);
                w.WriteString("arguments", calls[i].Arguments);
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
        w.WriteString("finish_reason", finishReason);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartObject("usage");
        w.WriteNumber("prompt_tokens", 10);
        w.WriteNumber("completion_tokens", 10);
        w.WriteNumber("total_tokens", 20);
        w.WriteEndObject();
    });

    private static string Chunk(string model, Action<Utf8JsonWriter> delta, string? finishReason) => Json(w =>
    {
        Envelope(w, model, "chat.completion.chunk");
        w.WriteStartArray("choices");
        w.WriteStartObject();
        w.WriteNumber("index", 0);
        w.WriteStartObject("delta");
        delta(w);
        w.WriteEndObject();
        w.WriteString("finish_reason", finishReason);
        w.WriteEndObject();
        w.WriteEndArray();
    });

    private static void Delta(Utf8JsonWriter w, string? role, string? content, (int Index, string? Name, string Arguments)? call)
    {
        if (role is not null)
        {
            w.WriteString("role", role);
            w.WriteString("content", string.Empty);
        }

        if (content is not null)
        {
            w.WriteString("content", content);
        }

        if (call is { } c)
        {
            w.WriteStartArray("tool_calls");
            w.WriteStartObject();
            w.WriteNumber("index", c.Index);
            if (c.Name is not null)
            {
                w.WriteString("id", $"call_{c.Index}");
                w.WriteString("type", "function");
            }

            w.WriteStartObject("function");
            if (c.Name is not null)
            {
                w.WriteString("name", c.Name);
            }

            w.WriteString("arguments", c.Arguments);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();
        }
    }

    private static void Envelope(Utf8JsonWriter w, string model, string kind)
    {
        w.WriteString("id", "chatcmpl-wire");
        w.WriteString("object", kind);
        w.WriteNumber("created", 1_700_000_000);
        w.WriteString("model", model);
    }

    private static string Json(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
