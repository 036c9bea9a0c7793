using System.Text;
using System.Text.Json;

namespace ShadowProxy.Simulator.Wire;

/// <summary>The parts of a Chat Completions, Responses or Anthropic Messages request the simulator acts on.</summary>
internal sealed record SimRequest
{
    /// <summary>Tools the request offers, in the order given; the simulated model calls the first one.</summary>
    public IReadOnlyList<SimTool> Tools { get; init; } = [];

    /// <summary>`tool_choice: "none"` (or Anthropic's `{"type":"none"}`): answer in text even with tools offered.</summary>
    public bool ToolsDisabled { get; init; }

    /// <summary>The conversation ends with a tool's result, so the model answers it in text.</summary>
    public bool AnswersToolResult { get; init; }

    /// <summary>Whether to call a tool rather than answer in text.</summary>
    public bool CallsTool => Tools.Count > 0 && !ToolsDisabled && !AnswersToolResult;

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
            MaxTokens = Int(root, "max_completion_tokens") ?? Int(root, "max_output_tokens") ?? Int(root, "max_tokens"),
            Tools = SimTool.ReadAll(root),
            ToolsDisabled = root.TryGetProperty("tool_choice", out var choice)
                && (choice.ValueKind == JsonValueKind.String ? choice.GetString() == "none" : String(choice, "type") == "none"),
            AnswersToolResult = EndsWithToolResult(root),
        };
    }

    private static bool EndsWithToolResult(JsonElement root)
    {
        var items = root.TryGetProperty("messages", out var messages) ? messages : root.TryGetProperty("input", out var input) ? input : default;
        if (items.ValueKind != JsonValueKind.Array || items.GetArrayLength() == 0)
        {
            return false;
        }

        var last = items[items.GetArrayLength() - 1];
        if (String(last, "role") == "tool" || String(last, "type") == "function_call_output")
        {
            return true;
        }

        // Anthropic: a user turn whose content holds tool_result blocks.
        return last.ValueKind == JsonValueKind.Object && last.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.Array
            && content.EnumerateArray().Any(static block => String(block, "type") == "tool_result");
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

        if (root.TryGetProperty("input", out var input) && input.ValueKind == JsonValueKind.Array)
        {
            // Responses input items: the user messages' text, as for chat messages.
            var builder = new StringBuilder();
            foreach (var item in input.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String)
                {
                    builder.Append(item.GetString());
                }
                else if (String(item, "role") == "user" && item.TryGetProperty("content", out var content))
                {
                    AppendContent(builder, content);
                }
            }

            return builder.ToString();
        }

        return root.TryGetProperty("prompt", out var prompt) ? prompt.ValueKind == JsonValueKind.String ? prompt.GetString()! : prompt.GetRawText()
            : input.ValueKind == JsonValueKind.String ? input.GetString()!
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

    internal static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static int? Int(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) ? n : null;
}
