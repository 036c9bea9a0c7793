using System.Text;
using System.Text.Json;

namespace ShadowProxy.Core.Normalization;

/// <summary>Collects user text from <c>messages</c>, <c>input</c> or <c>prompt</c>, noting provider-held references.</summary>
internal static class PromptTextReader
{
    public static (string Text, bool ReferencesProviderState) Read(JsonElement root)
    {
        var text = new StringBuilder();
        var references = false;
        if (root.Property("messages") is { ValueKind: JsonValueKind.Array } messages)
        {
            ReadItems(messages, text, ref references);
        }

        switch (root.Property("input") ?? root.Property("prompt"))
        {
            case { ValueKind: JsonValueKind.String } single:
                Append(text, single.GetString());
                break;
            case { ValueKind: JsonValueKind.Array } items:
                ReadItems(items, text, ref references);
                break;
            default:
                break;
        }

        return (text.ToString(), references);
    }

    private static void ReadItems(JsonElement items, StringBuilder text, ref bool references)
    {
        foreach (var item in items.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                Append(text, item.GetString());
                continue;
            }

            references |= item.String("type") == "item_reference";
            var role = item.String("role");
            if (role is not null && role != "user")
            {
                continue;
            }

            ReadContent(item.Property("content"), text, ref references);
        }
    }

    private static void ReadContent(JsonElement? content, StringBuilder text, ref bool references)
    {
        if (content is { ValueKind: JsonValueKind.String } single)
        {
            Append(text, single.GetString());
            return;
        }

        if (content is not { ValueKind: JsonValueKind.Array } parts)
        {
            return;
        }

        foreach (var part in parts.EnumerateArray())
        {
            var type = part.String("type");
            references |= type == "input_file" || part.Property("file_id") is not null
                || part.Property("file")?.Property("file_id") is not null
                || part.Property("source")?.String("type") == "file"; // Anthropic's Files API
            if (type is "text" or "input_text")
            {
                Append(text, part.String("text"));
            }
        }
    }

    private static void Append(StringBuilder text, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (text.Length > 0)
        {
            text.Append('\n');
        }

        text.Append(value);
    }
}
