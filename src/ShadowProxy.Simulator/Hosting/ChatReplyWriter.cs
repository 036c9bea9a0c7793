using ShadowProxy.Simulator.Wire;

namespace ShadowProxy.Simulator.Hosting;

/// <summary>OpenAI Chat Completions (or, <see cref="Legacy"/>, Completions): a completion object or chunks ending in [DONE].</summary>
internal sealed class ChatReplyWriter(bool legacy) : IReplyWriter
{
    private static readonly byte[] Done = "data: [DONE]\n\n"u8.ToArray();

    public bool Legacy { get; } = legacy;

    public string IdPrefix => Legacy ? "cmpl-" : "chatcmpl-";

    public Task WriteWholeAsync(HttpContext context, CompletionReply reply, TimeProvider time) =>
        WholeBody.WriteAsync(context, reply, CompletionJson.Full(reply), time);

    public async Task WriteStreamAsync(HttpContext context, CompletionReply reply, bool includeUsage, TimeProvider time)
    {
        await PacedStream.StartAsync(context, reply, time);
        if (!await PacedStream.PiecesAsync(context, reply, i => PacedStream.Event(null, CompletionJson.Chunk(reply, i)), time))
        {
            return;
        }

        await PacedStream.WriteAsync(context, PacedStream.Event(null, CompletionJson.Chunk(reply, null)));
        if (includeUsage)
        {
            await PacedStream.WriteAsync(context, PacedStream.Event(null, CompletionJson.UsageChunk(reply.Envelope, reply.Usage)));
        }

        await PacedStream.WriteAsync(context, Done);
        await PacedStream.EndAsync(context, reply, time);
    }

    public Task WriteErrorAsync(HttpContext context, int status, string type, string message, string? code = null) =>
        ErrorResponses.WriteAsync(context, status, type, message, code);
}
