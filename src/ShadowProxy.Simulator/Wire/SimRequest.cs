using System.Text;
using System.Text.Json;

namespace ShadowProxy.Simulator.Wire;

/// <summary>The parts of an OpenAI request the simulator acts on.</summary>
internal sealed record SimRequest
{
    public string? Model { get; init; }

    public string Prompt { get; init; } = string.Empty;

    public bool Stream { get; init; }

    public bool IncludeUsage { get; init; }

    public bool WantsJson { get; init; }

    public string? JsonSchema { get; init; }

    public int? MaxTokens { get; init; }

    public static SimRequest? TryParse(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            return document.RootElement.ValueKind == JsonValueKind.Object ? From(document.RootElement) : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // A field of an unexpected type is a bad request, as a provider would answer it.
            return null;
        }
    }

    private static SimRequest From(JsonElement root)
    {
        var format = root.TryGetProperty("response_format", out var rf) && rf.ValueKind == JsonValueKind.Object ? rf : default;
        var formatType = format.ValueKind == JsonValueKind.Object && format.TryGetProperty("type", out var ft) ? ft.GetString() : null;
        string? schema = null;
        if (formatType == "json_schema" && format.TryGetProperty("json_schema", out var js) && js.TryGetProperty("schema", out var s))
        {
            schema = s.GetRawText();
        }

        return new SimRequest
        {
            Model = String(root, "model"),
            Prompt = PromptOf(root),
            Stream = root.TryGetProperty("stream", out var st) && st.ValueKind == JsonValueKind.True,
            IncludeUsage = root.TryGetProperty("stream_options", out var so) && so.ValueKind == JsonValueKind.Object
                && so.TryGetProperty("include_usage", out var iu) && iu.ValueKind == JsonValueKind.True,
            WantsJson = formatType is "json_object" or "json_schema",
            JsonSchema = schema,
            MaxTokens = Int(root, "max_completion_tokens") ?? Int(root, "max_tokens"),
        };
    }

    private static string PromptOf(JsonElement root)
    {
        if (root.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array)
        {
            var builder = new StringBuilder();
            foreach (var message in messages.EnumerateArray())
            {
                if (String(message, "role") == "user" && message.TryGetProperty("content", out var content))
                {
                    AppendContent(builder, content);
                }
            }

            return builder.ToString();
        }

        return root.TryGetProperty("prompt", out var prompt) ? prompt.ValueKind == JsonValueKind.String ? prompt.GetString()! : prompt.GetRawText()
            : root.TryGetProperty("input", out var input) ? input.ValueKind == JsonValueKind.String ? input.GetString()! : input.GetRawText()
            : string.Empty;
    }

    private static void AppendContent(StringBuilder builder, JsonElement content)
    {
        if (content.ValueKind == JsonValueKind.String)
        {
            builder.Append(content.GetString());
            return;
        }

        if (content.ValueKind == JsonValueKind.Array)
        {
            foreach (var part in content.EnumerateArray())
            {
                builder.Append(String(part, "text"));
            }
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static int? Int(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) ? n : null;
}
