using System.Text;

namespace ShadowProxy.Simulator.Hosting;

/// <summary>
/// Paces an event stream like a model, for every wire format: first token after the profile's delay, then one event
/// per piece, with the profile's cut and stall faults applied half-way, and its tail delay after the terminal event.
/// </summary>
internal static class PacedStream
{
    public static async Task StartAsync(HttpContext context, CompletionReply reply, TimeProvider time)
    {
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        await context.Response.StartAsync(context.RequestAborted);
        await DelayAsync(reply.Profile.TimeToFirstToken, time, context.RequestAborted);
    }

    /// <returns>False when a fault reset the connection half-way, so nothing more may be written.</returns>
    public static async Task<bool> PiecesAsync(HttpContext context, CompletionReply reply, Func<int, byte[]> eventFor, TimeProvider time)
    {
        var aborted = context.RequestAborted;
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
                return false;
            }

            if (i > 0)
            {
                await DelayAsync(reply.Profile.TokenInterval, time, aborted);
            }

            await WriteAsync(context, eventFor(i));
        }

        return true;
    }

    public static async Task WriteAsync(HttpContext context, byte[] sse)
    {
        await context.Response.Body.WriteAsync(sse, context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }

    /// <summary>After the terminal event: some providers' edges hold the body open a little longer.</summary>
    public static Task EndAsync(HttpContext context, CompletionReply reply, TimeProvider time) =>
        DelayAsync(reply.Profile.TailDelay, time, context.RequestAborted);

    /// <summary>One event: an optional `event:` name line, then the JSON as its data.</summary>
    public static byte[] Event(string? name, byte[] json)
    {
        var head = name is null ? "data: " : $"event: {name}\ndata: ";
        return [.. Encoding.UTF8.GetBytes(head), .. json, .. "\n\n"u8];
    }

    public static Task DelayAsync(TimeSpan delay, TimeProvider time, CancellationToken aborted) =>
        delay > TimeSpan.Zero ? Task.Delay(delay, time, aborted) : Task.CompletedTask;
}
