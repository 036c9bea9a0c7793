using System.Text.Json.Nodes;

namespace ShadowProxy.Yarp.Shadowing.Translation;

/// <summary>
/// An Anthropic Messages request as an OpenAI Chat Completions request: `system` becomes a system message, text
/// blocks text, tool_use blocks tool calls, tool_result blocks tool messages, and max_tokens, temperature, top_p,
/// stop_sequences, stream, tools and tool_choice their chat equivalents.
/// </summary>
internal static class MessagesToChat
{
    private static readonly string[] Refused = ["thinking", "top_k", "container", "mcp_servers", "output_format", "output_config", "context_management"];

    private static readonly string[] Ignored = ["model", "messages", "system", "max_tokens", "temperature", "top_p", "stop_sequences", "stream", "tools", "tool_choice", "metadata", "service_tier"];

    public static JsonObject Translate(JsonObject messagesRequest)
    {
        TranslationGuard.RefuseUnknown(messagesRequest, Refused, Ignored);
        var messages = new JsonArray();
        if (messagesRequest["system"] is { } system)
        {
            messages.Add(new JsonObject { ["role"] = "system", ["content"] = TextOf(system) });
        }

        foreach (var message in TranslationGuard.Array(messagesRequest, "messages"))
        {
            var role = message?["role"]?.GetValue<string>();
            if (role is not ("user" or "assistant"))
            {
                throw new UntranslatableRequestException($"a message with role '{role}'");
            }

            AddMessage(role, message!["content"], messages);
        }

        var chat = new JsonObject
        {
            ["model"] = messagesRequest["model"]?.DeepClone(),
            ["messages"] = messages,
            ["max_completion_tokens"] = messagesRequest["max_tokens"]?.DeepClone(),
        };
        TranslationGuard.Copy(messagesRequest, "temperature", chat, "temperature");
        TranslationGuard.Copy(messagesRequest, "top_p", chat, "top_p");
        TranslationGuard.Copy(messagesRequest, "stream", chat, "stream");
        TranslationGuard.Copy(messagesRequest, "stop_sequences", chat, "stop");
        if (messagesRequest["tools"] is JsonArray tools)
        {
            chat["tools"] = new JsonArray([.. tools.Select(Tool)]);
        }

        if (messagesRequest["tool_choice"] is JsonObject choice)
        {
            chat["tool_choice"] = choice["type"]?.GetValue<string>() switch
            {
                "auto" => "auto",
                "any" => "required",
                "none" => "none",
                "tool" => new JsonObject { ["type"] = "function", ["function"] = new JsonObject { ["name"] = choice["name"]?.DeepClone() } },
                var other => throw new UntranslatableRequestException($"tool_choice '{other}'"),
            };
            if (choice["disable_parallel_tool_use"] is JsonValue disable && disable.TryGetValue<bool>(out var off) && off)
            {
                chat["parallel_tool_calls"] = false;
            }
        }

        return chat;
    }

    private static void AddMessage(string role, JsonNode? content, JsonArray messages)
    {
        if (content is JsonValue text)
        {
            messages.Add(new JsonObject { ["role"] = role, ["content"] = text.GetValue<string>() });
            return;
        }

        var parts = new JsonArray();
        var calls = new JsonArray();
        foreach (var block in content as JsonArray ?? [])
        {
            switch (block?["type"]?.GetValue<string>())
            {
                case "text":
                    parts.Add(new JsonObject { ["type"] = "text", ["text"] = block["text"]?.DeepClone() });
                    break;
                case "tool_use" when role == "assistant":
                    calls.Add(new JsonObject
                    {
                        ["id"] = block["id"]?.DeepClone(),
                        ["type"] = "function",
                        ["function"] = new JsonObject { ["name"] = block["name"]?.DeepClone(), ["arguments"] = block["input"]?.ToJsonString() ?? "{}" },
                    });
                    break;
                case "tool_result" when role == "user":
                    messages.Add(new JsonObject { ["role"] = "tool", ["tool_call_id"] = block["tool_use_id"]?.DeepClone(), ["content"] = TextOf(block["content"]) });
                    break;
                case var other:
                    throw new UntranslatableRequestException($"a '{other}' content block");
            }
        }

        if (parts.Count > 0 || calls.Count > 0)
        {
            var message = new JsonObject { ["role"] = role, ["content"] = parts.Count > 0 ? parts : null };
            if (calls.Count > 0)
            {
                message["tool_calls"] = calls;
            }

            messages.Add(message);
        }
    }

    private static JsonNode Tool(JsonNode? tool)
    {
        if (tool?["name"] is null || tool["input_schema"] is null || tool["type"] is JsonValue)
        {
            // Server tools (web_search, bash, computer use) carry a type and run at Anthropic.
            throw new UntranslatableRequestException("a tool that is not a client tool with an input_schema");
        }

        var function = new JsonObject { ["name"] = tool["name"]!.DeepClone(), ["parameters"] = tool["input_schema"]!.DeepClone() };
        TranslationGuard.Copy(tool, "description", function, "description");
        return new JsonObject { ["type"] = "function", ["function"] = function };
    }

    private static string TextOf(JsonNode? content) => content switch
    {
        JsonValue text => text.GetValue<string>(),
        JsonArray blocks => string.Concat(blocks.Select(static b => b?["type"]?.GetValue<string>() == "text"
            ? b["text"]?.GetValue<string>()
            : throw new UntranslatableRequestException($"a '{b?["type"]}' block inside text"))),
        null => string.Empty,
        _ => throw new UntranslatableRequestException("this content"),
    };
}
