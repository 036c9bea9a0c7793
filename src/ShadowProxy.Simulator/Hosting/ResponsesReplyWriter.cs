using ShadowProxy.Simulator.Wire;

namespace ShadowProxy.Simulator.Hosting;

/// <summary>OpenAI Responses API (<c>POST /v1/responses</c>): a response object, or its event stream.</summary>
internal sealed class ResponsesReplyWriter : IReplyWriter
{
    public string IdPrefix => "resp_";

    public Task WriteWholeAsync(HttpContext context, CompletionReply reply, TimeProvider time) =>
        WholeBody.WriteAsync(context, reply, ResponsesJson.Response(reply, done: true), time);

    public async Task WriteStreamAsync(HttpContext context, CompletionReply reply, bool includeUsage, TimeProvider time)
    {
        var sequence = 0;
        var itemId = ResponsesJson.ItemId(reply);
        var tool = reply.ToolCall is not null;
        byte[] Next(string type, Action<System.Text.Json.Utf8JsonWriter> properties) =>
            PacedStream.Event(type, ResponsesJson.Event(type, sequence++, properties));

        await PacedStream.StartAsync(context, reply, time);
        await PacedStream.WriteAsync(context, Next("response.created", w => { w.WriteStartObject("response"); ResponsesJson.WriteResponse(w, reply, done: false); w.WriteEndObject(); }));
        await PacedStream.WriteAsync(context, Next("response.in_progress", w => { w.WriteStartObject("response"); ResponsesJson.WriteResponse(w, reply, done: false); w.WriteEndObject(); }));
        await PacedStream.WriteAsync(context, Next("response.output_item.added", w => { w.WriteNumber("output_index", 0); w.WritePropertyName("item"); ResponsesJson.WriteItem(w, reply, done: false); }));
        if (!tool)
        {
            await PacedStream.WriteAsync(context, Next("response.content_part.added", w => { Part(w, itemId); w.WritePropertyName("part"); ResponsesJson.WriteTextPart(w, string.Empty); }));
        }

        var pieces = await PacedStream.PiecesAsync(context, reply, i => tool
            ? Next("response.function_call_arguments.delta", w => { w.WriteString("item_id", itemId); w.WriteNumber("output_index", 0); w.WriteString("delta", reply.Pieces[i]); })
            : Next("response.output_text.delta", w => { Part(w, itemId); w.WriteString("delta", reply.Pieces[i]); w.WriteStartArray("logprobs"); w.WriteEndArray(); }), time);
        if (!pieces)
        {
            return;
        }

        if (tool)
        {
            await PacedStream.WriteAsync(context, Next("response.function_call_arguments.done", w => { w.WriteString("item_id", itemId); w.WriteNumber("output_index", 0); w.WriteString("arguments", reply.ToolCall!.Arguments); }));
        }
        else
        {
            await PacedStream.WriteAsync(context, Next("response.output_text.done", w => { Part(w, itemId); w.WriteString("text", reply.Text); w.WriteStartArray("logprobs"); w.WriteEndArray(); }));
            await PacedStream.WriteAsync(context, Next("response.content_part.done", w => { Part(w, itemId); w.WritePropertyName("part"); ResponsesJson.WriteTextPart(w, reply.Text); }));
        }

        await PacedStream.WriteAsync(context, Next("response.output_item.done", w => { w.WriteNumber("output_index", 0); w.WritePropertyName("item"); ResponsesJson.WriteItem(w, reply, done: true); }));
        var terminal = reply.FinishReason == "length" ? "response.incomplete" : "response.completed";
        await PacedStream.WriteAsync(context, Next(terminal, w => { w.WriteStartObject("response"); ResponsesJson.WriteResponse(w, reply, done: true); w.WriteEndObject(); }));
        await PacedStream.EndAsync(context, reply, time);
    }

    public Task WriteErrorAsync(HttpContext context, int status, string type, string message, string? code = null) =>
        ErrorResponses.WriteAsync(context, status, type, message, code);

    private static void Part(System.Text.Json.Utf8JsonWriter writer, string itemId)
    {
        writer.WriteString("item_id", itemId);
        writer.WriteNumber("output_index", 0);
        writer.WriteNumber("content_index", 0);
    }
}
