using System.Text.Json;

namespace ShadowProxy.Core.Normalization;

/// <summary>Reads a chat <c>message</c> or stream <c>delta</c> (they share a shape) into a choice.</summary>
internal static class ChatMessageReader
{
    public static void Read(JsonElement message, ChoiceAccumulator choice)
    {
        AppendContent(message.Property("content"), choice);
        choice.AppendRefusal(message.String("refusal"));

        var position = 0;
        foreach (var call in message.Items("tool_calls"))
        {
            var toolIndex = call.Int("index") ?? position;
            var tool = choice.ToolCall(toolIndex);
            tool.Id ??= call.String("id");
            if (call.Property("function") is { } function)
            {
                tool.AppendName(function.String("name"));
                tool.AppendArguments(function.String("arguments"));
            }

            position++;
        }

        // The deprecated single function_call still shows up from older deployments.
        if (message.Property("function_call") is { } legacyCall)
        {
            var tool = choice.ToolCall(0);
            tool.AppendName(legacyCall.String("name"));
            tool.AppendArguments(legacyCall.String("arguments"));
        }
    }

    private static void AppendContent(JsonElement? content, ChoiceAccumulator choice)
    {
        if (content is not { } value)
        {
            return;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            choice.AppendText(value.GetString());
            return;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var part in value.EnumerateArray())
        {
            if (part.ValueKind == JsonValueKind.String)
            {
                choice.AppendText(part.GetString());
            }
            else if (part.String("type") == "refusal")
            {
                choice.AppendRefusal(part.String("refusal"));
            }
            else
            {
                choice.AppendText(part.String("text"));
            }
        }
    }
}
