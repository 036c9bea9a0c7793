using System.Text.Json;

namespace ShadowProxy.Core.Normalization;

/// <summary>Reads chat <c>response_format</c> or Responses <c>text.format</c>.</summary>
internal static class ResponseFormatReader
{
    public static (ResponseFormatKind Kind, JsonElement? Schema) Read(JsonElement root)
    {
        var format = root.Property("response_format") ?? root.Property("text")?.Property("format");
        if (format is not { ValueKind: JsonValueKind.Object } value)
        {
            return (ResponseFormatKind.None, null);
        }

        return value.String("type") switch
        {
            "json_object" => (ResponseFormatKind.JsonObject, null),
            "json_schema" => (ResponseFormatKind.JsonSchema, value.Property("json_schema")?.Property("schema") ?? value.Property("schema")),
            "text" => (ResponseFormatKind.Text, null),
            _ => (ResponseFormatKind.None, null),
        };
    }
}
