using System.Text.Json;

namespace ShadowProxy.Core.Normalization;

/// <summary>Reads one Responses API <c>output[]</c> item (message, refusal or function call) into a choice.</summary>
internal static class ResponsesOutputReader
{
    public static void Read(JsonElement item, ChoiceAccumulator choice)
    {
        switch (item.String("type"))
        {
            case "message":
                foreach (var part in item.Items("content"))
                {
                    ReadContentPart(part, choice);
                }

                break;
            case "function_call" or "custom_tool_call":
                var call = choice.ToolCall(choice.ToolCallCount);
                call.Id = item.String("call_id") ?? item.String("id");
                call.AppendName(item.String("name"));
                call.AppendArguments(item.String("arguments") ?? item.String("input"));
                break;
            default:
                // Reasoning, web search and other hosted-tool items carry no answer text.
                break;
        }
    }

    private static void ReadContentPart(JsonElement part, ChoiceAccumulator choice)
    {
        switch (part.String("type"))
        {
            case "refusal":
                choice.AppendRefusal(part.String("refusal"));
                break;
            default:
                choice.AppendText(part.String("text"));
                break;
        }
    }
}
