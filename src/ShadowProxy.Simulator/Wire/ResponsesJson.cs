using System.Text.Json;
using ShadowProxy.Simulator.Hosting;

namespace ShadowProxy.Simulator.Wire;

/// <summary>OpenAI Responses API bodies and stream events (response.created … response.completed).</summary>
internal static class ResponsesJson
{
    public static byte[] Response(CompletionReply reply, bool done) => JsonBytes.Object(writer => WriteResponse(writer, reply, done));

    /// <summary>An event with its type and sequence number, then its own properties.</summary>
    public static byte[] Event(string type, int sequence, Action<Utf8JsonWriter> properties) => JsonBytes.Object(writer =>
    {
        writer.WriteString("type", type);
        writer.WriteNumber("sequence_number", sequence);
        properties(writer);
    });

    public static void WriteResponse(Utf8JsonWriter writer, CompletionReply reply, bool done)
    {
        var incomplete = done && reply.FinishReason == "length";
        writer.WriteString("id", reply.Envelope.Id);
        writer.WriteString("object", "response");
        writer.WriteNumber("created_at", reply.Envelope.Created);
        writer.WriteString("status", !done ? "in_progress" : incomplete ? "incomplete" : "completed");
        writer.WriteNull("error");
        if (incomplete)
        {
            writer.WriteStartObject("incomplete_details");
            writer.WriteString("reason", "max_output_tokens");
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("incomplete_details");
        }

        writer.WriteString("model", reply.Envelope.Model);
        writer.WriteStartArray("output");
        if (done)
        {
            WriteItem(writer, reply, done: true);
        }

        writer.WriteEndArray();
        writer.WriteBoolean("parallel_tool_calls", true);
        writer.WriteString("tool_choice", "auto");
        writer.WriteStartArray("tools");
        writer.WriteEndArray();
        if (done)
        {
            writer.WriteStartObject("usage");
            writer.WriteNumber("input_tokens", reply.Usage.PromptTokens);
            writer.WriteStartObject("input_tokens_details");
            writer.WriteNumber("cached_tokens", 0);
            writer.WriteEndObject();
            writer.WriteNumber("output_tokens", reply.Usage.CompletionTokens);
            writer.WriteStartObject("output_tokens_details");
            writer.WriteNumber("reasoning_tokens", 0);
            writer.WriteEndObject();
            writer.WriteNumber("total_tokens", reply.Usage.TotalTokens);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("usage");
        }
    }

    /// <summary>The one output item: a message with output_text, or a function_call; empty while in progress.</summary>
    public static void WriteItem(Utf8JsonWriter writer, CompletionReply reply, bool done)
    {
        writer.WriteStartObject();
        if (reply.ToolCall is { } call)
        {
            writer.WriteString("type", "function_call");
            writer.WriteString("id", ItemId(reply));
            writer.WriteString("call_id", "call_" + call.IdSuffix);
            writer.WriteString("name", call.Name);
            writer.WriteString("arguments", done ? call.Arguments : string.Empty);
            writer.WriteString("status", done ? "completed" : "in_progress");
        }
        else
        {
            writer.WriteString("type", "message");
            writer.WriteString("id", ItemId(reply));
            writer.WriteString("status", done ? "completed" : "in_progress");
            writer.WriteString("role", "assistant");
            writer.WriteStartArray("content");
            if (done)
            {
                WriteTextPart(writer, reply.Text);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    public static void WriteTextPart(Utf8JsonWriter writer, string text)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "output_text");
        writer.WriteString("text", text);
        writer.WriteStartArray("annotations");
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static string ItemId(CompletionReply reply) => (reply.ToolCall is null ? "msg_" : "fc_") + reply.Envelope.Id[5..];
}
