using System.Text.Json;
using ShadowProxy.Simulator.Hosting;

namespace ShadowProxy.Simulator.Wire;

/// <summary>Anthropic Messages bodies and stream events: a message object, or message_start … message_stop.</summary>
internal static class MessagesJson
{
    public static string StopReason(CompletionReply reply) => reply.FinishReason switch
    {
        "length" => "max_tokens",
        "tool_calls" => "tool_use",
        _ => "end_turn",
    };

    public static byte[] Message(CompletionReply reply) => JsonBytes.Object(writer =>
    {
        WriteHead(writer, reply);
        writer.WriteStartArray("content");
        if (reply.ToolCall is { } call)
        {
            writer.WriteStartObject();
            writer.WriteString("type", "tool_use");
            writer.WriteString("id", "toolu_" + call.IdSuffix);
            writer.WriteString("name", call.Name);
            writer.WritePropertyName("input");
            writer.WriteRawValue(call.Arguments);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteStartObject();
            writer.WriteString("type", "text");
            writer.WriteString("text", reply.Text);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteString("stop_reason", StopReason(reply));
        writer.WriteNull("stop_sequence");
        WriteUsage(writer, reply.Usage.PromptTokens, reply.Usage.CompletionTokens);
    });

    public static byte[] MessageStart(CompletionReply reply) => JsonBytes.Object(writer =>
    {
        writer.WriteString("type", "message_start");
        writer.WriteStartObject("message");
        WriteHead(writer, reply);
        writer.WriteStartArray("content");
        writer.WriteEndArray();
        writer.WriteNull("stop_reason");
        writer.WriteNull("stop_sequence");
        WriteUsage(writer, reply.Usage.PromptTokens, 1);
        writer.WriteEndObject();
    });

    public static byte[] BlockStart(CompletionReply reply) => JsonBytes.Object(writer =>
    {
        writer.WriteString("type", "content_block_start");
        writer.WriteNumber("index", 0);
        writer.WriteStartObject("content_block");
        if (reply.ToolCall is { } call)
        {
            writer.WriteString("type", "tool_use");
            writer.WriteString("id", "toolu_" + call.IdSuffix);
            writer.WriteString("name", call.Name);
            writer.WriteStartObject("input");
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteString("type", "text");
            writer.WriteString("text", string.Empty);
        }

        writer.WriteEndObject();
    });

    public static byte[] BlockDelta(CompletionReply reply, int piece) => JsonBytes.Object(writer =>
    {
        writer.WriteString("type", "content_block_delta");
        writer.WriteNumber("index", 0);
        writer.WriteStartObject("delta");
        if (reply.ToolCall is not null)
        {
            writer.WriteString("type", "input_json_delta");
            writer.WriteString("partial_json", reply.Pieces[piece]);
        }
        else
        {
            writer.WriteString("type", "text_delta");
            writer.WriteString("text", reply.Pieces[piece]);
        }

        writer.WriteEndObject();
    });

    public static byte[] BlockStop { get; } = JsonBytes.Object(static writer =>
    {
        writer.WriteString("type", "content_block_stop");
        writer.WriteNumber("index", 0);
    });

    public static byte[] Ping { get; } = JsonBytes.Object(static writer => writer.WriteString("type", "ping"));

    public static byte[] MessageDelta(CompletionReply reply) => JsonBytes.Object(writer =>
    {
        writer.WriteString("type", "message_delta");
        writer.WriteStartObject("delta");
        writer.WriteString("stop_reason", StopReason(reply));
        writer.WriteNull("stop_sequence");
        writer.WriteEndObject();
        writer.WriteStartObject("usage");
        writer.WriteNumber("output_tokens", reply.Usage.CompletionTokens);
        writer.WriteEndObject();
    });

    public static byte[] MessageStop { get; } = JsonBytes.Object(static writer => writer.WriteString("type", "message_stop"));

    /// <summary>{"type":"error","error":{"type","message"}}, Anthropic's error shape.</summary>
    public static byte[] Error(string type, string message) => JsonBytes.Object(writer =>
    {
        writer.WriteString("type", "error");
        writer.WriteStartObject("error");
        writer.WriteString("type", type);
        writer.WriteString("message", message);
        writer.WriteEndObject();
    });

    public static byte[] TokenCount(int inputTokens) => JsonBytes.Object(writer => writer.WriteNumber("input_tokens", inputTokens));

    private static void WriteHead(Utf8JsonWriter writer, CompletionReply reply)
    {
        writer.WriteString("id", reply.Envelope.Id);
        writer.WriteString("type", "message");
        writer.WriteString("role", "assistant");
        writer.WriteString("model", reply.Envelope.Model);
    }

    private static void WriteUsage(Utf8JsonWriter writer, int input, int output)
    {
        writer.WriteStartObject("usage");
        writer.WriteNumber("input_tokens", input);
        writer.WriteNumber("cache_creation_input_tokens", 0);
        writer.WriteNumber("cache_read_input_tokens", 0);
        writer.WriteNumber("output_tokens", output);
        writer.WriteEndObject();
    }
}
