using System.Text.Json;

namespace ShadowProxy.Core.Probes;

internal static class ProbeRequestBody
{
    private const string SchemaName = "answer";

    /// <summary>
    /// No <c>strict</c> flag: structured-output enforcement would hide exactly the format drift
    /// (fenced or chatty JSON) the json_schema probe is there to catch.
    /// </summary>
    public static byte[] Write(ProbeTask task, string model)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("model", model);
            writer.WriteStartArray("messages");
            writer.WriteStartObject();
            writer.WriteString("role", "user");
            writer.WriteString("content", task.Prompt);
            writer.WriteEndObject();
            writer.WriteEndArray();
            if (task.JsonSchemaText is { } schema)
            {
                writer.WriteStartObject("response_format");
                writer.WriteString("type", "json_schema");
                writer.WriteStartObject("json_schema");
                writer.WriteString("name", SchemaName);
                writer.WritePropertyName("schema");
                writer.WriteRawValue(schema);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
