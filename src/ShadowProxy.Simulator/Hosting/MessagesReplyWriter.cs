using ShadowProxy.Simulator.Wire;

namespace ShadowProxy.Simulator.Hosting;

/// <summary>Anthropic Messages (<c>POST /v1/messages</c>), JSON or the named-event stream, with Anthropic's error shape.</summary>
internal sealed class MessagesReplyWriter : IReplyWriter
{
    public string IdPrefix => "msg_";

    public Task WriteWholeAsync(HttpContext context, CompletionReply reply, TimeProvider time) =>
        WholeBody.WriteAsync(context, reply, MessagesJson.Message(reply), time);

    public async Task WriteStreamAsync(HttpContext context, CompletionReply reply, bool includeUsage, TimeProvider time)
    {
        await PacedStream.StartAsync(context, reply, time);
        await PacedStream.WriteAsync(context, PacedStream.Event("message_start", MessagesJson.MessageStart(reply)));
        await PacedStream.WriteAsync(context, PacedStream.Event("content_block_start", MessagesJson.BlockStart(reply)));
        await PacedStream.WriteAsync(context, PacedStream.Event("ping", MessagesJson.Ping));
        if (!await PacedStream.PiecesAsync(context, reply, i => PacedStream.Event("content_block_delta", MessagesJson.BlockDelta(reply, i)), time))
        {
            return;
        }

        await PacedStream.WriteAsync(context, PacedStream.Event("content_block_stop", MessagesJson.BlockStop));
        await PacedStream.WriteAsync(context, PacedStream.Event("message_delta", MessagesJson.MessageDelta(reply)));
        await PacedStream.WriteAsync(context, PacedStream.Event("message_stop", MessagesJson.MessageStop));
        await PacedStream.EndAsync(context, reply, time);
    }

    public async Task WriteErrorAsync(HttpContext context, int status, string type, string message, string? code = null)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(MessagesJson.Error(AnthropicErrorTypes.ForStatus(status), message), context.RequestAborted);
    }
}
