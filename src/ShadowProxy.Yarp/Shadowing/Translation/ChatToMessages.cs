using System.Text.Json.Nodes;

namespace ShadowProxy.Yarp.Shadowing.Translation;

/// <summary>
/// An OpenAI Chat Completions request as an Anthropic Messages request: system and developer messages become
/// `system`, text parts text blocks, tool calls tool_use blocks, tool messages tool_result blocks, and
/// max_tokens, temperature, top_p, stop, stream, tools and tool_choice their Messages equivalents.
/// </summary>
internal static class ChatToMessages
{
    /// <summary>Fields that change what the model does and that Messages cannot express.</summary>
    private static readonly string[] Refused = ["response_format", "logprobs", "top_logprobs", "audio", "modalities", "prediction", "frequency_penalty", "presence_penalty", "logit_bias", "web_search_options"];

    /// <summary>Fields with no effect on the answer, or that the baseline copy sets itself.</summary>
    private static readonly string[] Ignored = ["model", "messages", "n", "user", "store", "metadata", "stream_options", "seed", "service_tier", "parallel_tool_calls", "max_tokens", "max_completion_tokens", "temperature", "top_p", "stop", "stream", "tools", "tool_choice", "reasoning_effort", "prompt_cache_key", "safety_identifier"];

    public static JsonObject Translate(JsonObject chat)
    {
        TranslationGuard.RefuseUnknown(chat, Refused, Ignored);
        var messages = new JsonArray();
        var system = new List<string>();
        foreach (var message in TranslationGuard.Array(chat, "messages"))
        {
            var role = message?["role"]?.GetValue<string>();
            switch (role)
            {
                case "system" or "developer":
                    system.Add(TextOf(message!["content"]));
                    break;
                case "user":
                    messages.Add(new JsonObject { ["role"] = "user", ["content"] = Blocks(message!["content"]) });
                    break;
                case "assistant":
                    messages.Add(new JsonObject { ["role"] = "assistant", ["content"] = AssistantBlocks(message!) });
                    break;
                case "tool":
                    messages.Add(new JsonObject
                    {
                        ["role"] = "user",
                        ["content"] = new JsonArray(new JsonObject
                        {
                            ["type"] = "tool_result", ["tool_use_id"] = message!["tool_call_id"]?.DeepClone(), ["content"] = TextOf(message["content"]),
                        }),
                    });
                    break;
                default:
                    throw new UntranslatableRequestException($"a message with role '{role}'");
            }
        }

        var messagesRequest = new JsonObject
        {
            ["model"] = chat["model"]?.DeepClone(),
            // Messages requires max_tokens; without one the copy asks for plenty and Baseline:MaxOutputTokens caps it.
            ["max_tokens"] = (chat["max_completion_tokens"] ?? chat["max_tokens"])?.DeepClone() ?? int.MaxValue,
            ["messages"] = messages,
        };
        if (system.Count > 0)
        {
            messagesRequest["system"] = string.Join("\n\n", system);
        }

        TranslationGuard.Copy(chat, "temperature", messagesRequest, "temperature");
        TranslationGuard.Copy(chat, "top_p", messagesRequest, "top_p");
        TranslationGuard.Copy(chat, "stream", messagesRequest, "stream");
        if (chat["stop"] is { } stop)
        {
            messagesRequest["stop_sequences"] = stop is JsonArray ? stop.DeepClone() : new JsonArray(stop.DeepClone());
        }

        if (chat["tools"] is JsonArray tools)
        {
            messagesRequest["tools"] = new JsonArray([.. tools.Select(Tool)]);
        }

        if (chat["tool_choice"] is { } choice)
        {
            messagesRequest["tool_choice"] = ToolChoice(choice, chat["parallel_tool_calls"]);
        }

        return messagesRequest;
    }

    private static JsonNode Tool(JsonNode? tool)
    {
        if (tool?["type"]?.GetValue<string>() != "function" || tool["function"] is not JsonObject function)
        {
            throw new UntranslatableRequestException("a tool that is not a function");
        }

        var translated = new JsonObject { ["name"] = function["name"]?.DeepClone(), ["input_schema"] = function["parameters"]?.DeepClone() ?? new JsonObject { ["type"] = "object" } };
        TranslationGuard.Copy(function, "description", translated, "description");
        return translated;
    }

    private static JsonObject ToolChoice(JsonNode choice, JsonNode? parallel)
    {
        JsonObject translated = choice is JsonValue value ? value.GetValue<string>() switch
        {
            "auto" => new JsonObject { ["type"] = "auto" },
            "required" => new JsonObject { ["type"] = "any" },
            "none" => new JsonObject { ["type"] = "none" },
            var other => throw new UntranslatableRequestException($"tool_choice '{other}'"),
        }
        : choice["function"]?["name"] is { } name ? new JsonObject { ["type"] = "tool", ["name"] = name.DeepClone() }
        : throw new UntranslatableRequestException("this tool_choice");
        if (parallel is JsonValue p && p.TryGetValue<bool>(out var allowed) && !allowed && translated["type"]?.GetValue<string>() != "none")
        {
            translated["disable_parallel_tool_use"] = true;
        }

        return translated;
    }

    private static JsonArray AssistantBlocks(JsonNode message)
    {
        var blocks = message["content"] is null ? [] : Blocks(message["content"]);
        foreach (var call in message["tool_calls"] as JsonArray ?? [])
        {
            var arguments = call?["function"]?["arguments"]?.GetValue<string>();
            blocks.Add(new JsonObject
            {
                ["type"] = "tool_use",
                ["id"] = call?["id"]?.DeepClone(),
                ["name"] = call?["function"]?["name"]?.DeepClone(),
                ["input"] = string.IsNullOrWhiteSpace(arguments) ? new JsonObject() : JsonNode.Parse(arguments),
            });
        }

        return blocks;
    }

    /// <summary>Content as text blocks; anything but text (images, audio, files) is refused.</summary>
    private static JsonArray Blocks(JsonNode? content) => content switch
    {
        JsonValue text => [new JsonObject { ["type"] = "text", ["text"] = text.GetValue<string>() }],
        JsonArray parts => [.. parts.Select(static part => part?["type"]?.GetValue<string>() == "text"
            ? new JsonObject { ["type"] = "text", ["text"] = part["text"]?.DeepClone() }
            : throw new UntranslatableRequestException($"a '{part?["type"]}' content part"))],
        null => [],
        _ => throw new UntranslatableRequestException("this message content"),
    };

    private static string TextOf(JsonNode? content) => content switch
    {
        JsonValue text => text.GetValue<string>(),
        JsonArray => string.Concat(Blocks(content).Select(static b => b!["text"]!.GetValue<string>())),
        _ => string.Empty,
    };
}
