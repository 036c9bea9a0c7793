using System.Buffers;
using System.Text.Json;

namespace ShadowProxy.Simulator.Wire;

/// <summary>Writes chat and legacy completion bodies and stream chunks in OpenAI's wire format.</summary>
internal static class CompletionJson
{
    public static byte[] Full(ResponseEnvelope envelope, string content, string finishReason, TokenUsage usage) =>
        Write(envelope, envelope.ObjectName, writer =>
        {
            writer.WriteStartArray("choices");
            writer.WriteStartObject();
            writer.WriteNumber("index", 0);
            if (envelope.Legacy)
            {
                writer.WriteString("text", content);
            }
            else
            {
                writer.WriteStartObject("message");
                writer.WriteString("role", "assistant");
                writer.WriteString("content", content);
                writer.WriteNull("refusal");
                writer.WriteEndObject();
            }

            writer.WriteNull("logprobs");
            writer.WriteString("finish_reason", finishReason);
            writer.WriteEndObject();
            writer.WriteEndArray();
            WriteUsage(writer, usage);
        });

    public static byte[] Chunk(ResponseEnvelope envelope, bool first, string content, string? finishReason) =>
        Write(envelope, envelope.ChunkObjectName, writer =>
        {
            writer.WriteStartArray("choices");
            writer.WriteStartObject();
            writer.WriteNumber("index", 0);
            if (envelope.Legacy)
            {
                writer.WriteString("text", content);
            }
            else
            {
                writer.WriteStartObject("delta");
                if (first)
                {
                    writer.WriteString("role", "assistant");
                }

                if (finishReason is null)
                {
                    writer.WriteString("content", content);
                }

                writer.WriteEndObject();
            }

            writer.WriteNull("logprobs");
            if (finishReason is null)
            {
                writer.WriteNull("finish_reason");
            }
            else
            {
                writer.WriteString("finish_reason", finishReason);
            }

            writer.WriteEndObject();
            writer.WriteEndArray();
        });

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
