using System.Text.Json;

namespace ShadowProxy.Core.Exchanges;

/// <summary>A one-message chat-completions request, as an app would send it (probes, the demo's traffic).</summary>
internal static class ChatRequestBody
{
    public static byte[] Write(string model, string prompt, string? jsonSchema = null, string schemaName = "answer", bool stream = false)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("model", model);
            writer.WriteStartArray("messages");
            writer.WriteStartObject();
            writer.WriteString("role", "user");
            writer.WriteString("content", prompt);
            writer.WriteEndObject();
            writer.WriteEndArray();
            if (stream)
            {
                writer.WriteBoolean("stream", true);
                writer.WriteStartObject("stream_options");
                writer.WriteBoolean("include_usage", true);
                writer.WriteEndObject();
            }

            if (jsonSchema is not null)
            {
                writer.WriteStartObject("response_format");
                writer.WriteString("type", "json_schema");
                writer.WriteStartObject("json_schema");
                writer.WriteString("name", schemaName);
                writer.WritePropertyName("schema");
                writer.WriteRawValue(jsonSchema);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
