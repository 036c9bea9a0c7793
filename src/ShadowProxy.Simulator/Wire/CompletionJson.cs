using System.Buffers;
using System.Text.Json;

namespace ShadowProxy.Simulator.Wire;

/// <summary>Writes chat and legacy completion bodies and stream chunks in OpenAI's wire format.</summary>
internal static class CompletionJson
{
    public static byte[] Full(Hosting.CompletionReply reply) =>
        Write(reply.Envelope, reply.Envelope.ObjectName, writer =>
        {
            writer.WriteStartArray("choices");
            writer.WriteStartObject();
            writer.WriteNumber("index", 0);
            if (reply.Envelope.Legacy)
            {
                writer.WriteString("text", reply.Text);
            }
            else
            {
                writer.WriteStartObject("message");
                writer.WriteString("role", "assistant");
                if (reply.ToolCall is { } call)
                {
                    writer.WriteNull("content");
                    writer.WriteStartArray("tool_calls");
                    WriteToolCall(writer, call, call.Arguments, null);
                    writer.WriteEndArray();
                }
                else
                {
                    writer.WriteString("content", reply.Text);
                }

                writer.WriteNull("refusal");
                writer.WriteEndObject();
            }

            writer.WriteNull("logprobs");
            writer.WriteString("finish_reason", reply.FinishReason);
            writer.WriteEndObject();
            writer.WriteEndArray();
            WriteUsage(writer, reply.Usage);
        });

    /// <summary>The chunk carrying piece <paramref name="piece"/>, or with null the closing chunk with the finish reason.</summary>
    public static byte[] Chunk(Hosting.CompletionReply reply, int? piece) =>
        Write(reply.Envelope, reply.Envelope.ChunkObjectName, writer =>
        {
            writer.WriteStartArray("choices");
            writer.WriteStartObject();
            writer.WriteNumber("index", 0);
            var first = piece == 0 || (piece is null && reply.Pieces.Count == 0);
            if (reply.Envelope.Legacy)
            {
                writer.WriteString("text", piece is { } i ? reply.Pieces[i] : string.Empty);
            }
            else
            {
                writer.WriteStartObject("delta");
                if (first)
                {
                    writer.WriteString("role", "assistant");
                }

                if (piece is { } i && reply.ToolCall is { } call)
                {
                    writer.WriteStartArray("tool_calls");
                    WriteToolCall(writer, call, reply.Pieces[i], first ? 0 : -1);
                    writer.WriteEndArray();
                }
                else if (piece is { } p)
                {
                    writer.WriteString("content", reply.Pieces[p]);
                }

                writer.WriteEndObject();
            }

            writer.WriteNull("logprobs");
            if (piece is null)
            {
                writer.WriteString("finish_reason", reply.FinishReason);
            }
            else
            {
                writer.WriteNull("finish_reason");
            }

            writer.WriteEndObject();
            writer.WriteEndArray();
        });

    /// <summary>A tool call, whole (no index), as the first stream fragment (index 0, with id and name) or a later one (-1).</summary>
    private static void WriteToolCall(Utf8JsonWriter writer, Hosting.SimToolCall call, string arguments, int? streamIndex)
    {
        writer.WriteStartObject();
        if (streamIndex is not null)
        {
            writer.WriteNumber("index", 0);
        }

        if (streamIndex is null or 0)
        {
            writer.WriteString("id", "call_" + call.IdSuffix);
            writer.WriteString("type", "function");
        }

        writer.WriteStartObject("function");
        if (streamIndex is null or 0)
        {
            writer.WriteString("name", call.Name);
        }

        writer.WriteString("arguments", arguments);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public static byte[] UsageChunk(ResponseEnvelope envelope, TokenUsage usage) =>
        Write(envelope, envelope.ChunkObjectName, writer =>
        {
            writer.WriteStartArray("choices");
            writer.WriteEndArray();
            WriteUsage(writer, usage);
        });

    private static byte[] Write(ResponseEnvelope envelope, string objectName, Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", envelope.Id);
            writer.WriteString("object", objectName);
            writer.WriteNumber("created", envelope.Created);
            writer.WriteString("model", envelope.Model);
            writer.WriteString("system_fingerprint", envelope.SystemFingerprint);
            body(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteUsage(Utf8JsonWriter writer, TokenUsage usage)
    {
        writer.WriteStartObject("usage");
        writer.WriteNumber("prompt_tokens", usage.PromptTokens);
        writer.WriteNumber("completion_tokens", usage.CompletionTokens);
        writer.WriteNumber("total_tokens", usage.TotalTokens);
        writer.WriteEndObject();
    }
}
