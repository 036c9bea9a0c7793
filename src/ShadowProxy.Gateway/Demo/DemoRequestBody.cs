using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ShadowProxy.Gateway.Demo;

/// <summary>The chat-completions request body an app would send for a demo prompt.</summary>
internal static class DemoRequestBody
{
    public static ByteArrayContent Create(DemoRequest request, string model)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("model", model);
            writer.WriteStartArray("messages");
            writer.WriteStartObject();
            writer.WriteString("role", "user");
            writer.WriteString("content", request.Prompt);
            writer.WriteEndObject();
            writer.WriteEndArray();
            if (request.Stream)
            {
                writer.WriteBoolean("stream", true);
                writer.WriteStartObject("stream_options");
                writer.WriteBoolean("include_usage", true);
                writer.WriteEndObject();
            }

            if (request.JsonSchema is not null)
            {
                writer.WriteStartObject("response_format");
                writer.WriteString("type", "json_schema");
                writer.WriteStartObject("json_schema");
                writer.WriteString("name", "person");
                writer.WritePropertyName("schema");
                writer.WriteRawValue(request.JsonSchema);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = Encoding.UTF8.WebName };
        return content;
    }
}
