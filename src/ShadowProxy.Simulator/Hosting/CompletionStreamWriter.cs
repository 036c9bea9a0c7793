using ShadowProxy.Simulator.Wire;

namespace ShadowProxy.Simulator.Hosting;

/// <summary>Paces a reply like a model: first token after the profile's delay, then one chunk per token.</summary>
internal static class CompletionStreamWriter
{
    private static readonly byte[] DataPrefix = "data: "u8.ToArray();
    private static readonly byte[] EventEnd = "\n\n"u8.ToArray();
    private static readonly byte[] Done = "data: [DONE]\n\n"u8.ToArray();

    public static async Task WriteAsync(HttpContext context, CompletionReply reply, bool includeUsage, TimeProvider time)
    {
        var aborted = context.RequestAborted;
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        await context.Response.StartAsync(aborted);
        await DelayAsync(reply.Profile.TimeToFirstToken, time, aborted);

        var cutAt = reply.CutShort || reply.Stall ? reply.Pieces.Count / 2 : int.MaxValue;
        for (var i = 0; i < reply.Pieces.Count; i++)
        {
            if (i == cutAt && reply.Stall)
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, time, aborted);
            }

            if (i == cutAt)
            {
                // A connection reset mid-stream, as when a provider's edge drops a long generation.
                context.Abort();
                return;
            }

            if (i > 0)
            {
                await DelayAsync(reply.Profile.TokenInterval, time, aborted);
            }

            await WriteEventAsync(context, CompletionJson.Chunk(reply.Envelope, i == 0, reply.Pieces[i], null), aborted);
        }

        await WriteEventAsync(context, CompletionJson.Chunk(reply.Envelope, reply.Pieces.Count == 0, string.Empty, reply.FinishReason), aborted);
        if (includeUsage)
        {
            await WriteEventAsync(context, CompletionJson.UsageChunk(reply.Envelope, reply.Usage), aborted);
        }

        await context.Response.Body.WriteAsync(Done, aborted);
        await context.Response.Body.FlushAsync(aborted);
    }

    public static async Task WriteWholeAsync(HttpContext context, CompletionReply reply, TimeProvider time)
    {
        if (reply.Profile.PaceWholeAnswers)
        {
            await DelayAsync(reply.Profile.TimeToFirstToken + reply.Profile.TokenInterval * reply.Pieces.Count, time, context.RequestAborted);
        }
        var body = CompletionJson.Full(reply.Envelope, string.Concat(reply.Pieces), reply.FinishReason, reply.Usage);
        context.Response.ContentType = "application/json";
        if (reply.CutShort || reply.Stall)
        {
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            if (reply.Stall)
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, time, context.RequestAborted);
            }

            context.Abort();
            return;
        }

        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    private static async Task WriteEventAsync(HttpContext context, byte[] json, CancellationToken aborted)
    {
        var stream = context.Response.Body;
        await stream.WriteAsync(DataPrefix, aborted);
        await stream.WriteAsync(json, aborted);
        await stream.WriteAsync(EventEnd, aborted);
        await stream.FlushAsync(aborted);
    }

    private static Task DelayAsync(TimeSpan delay, TimeProvider time, CancellationToken aborted) =>
        delay > TimeSpan.Zero ? Task.Delay(delay, time, aborted) : Task.CompletedTask;

}
