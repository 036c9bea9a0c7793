namespace ShadowProxy.Simulator.Hosting;

/// <summary>Writes a whole JSON answer, paced as a whole when the profile says so, cut short by the profile's faults.</summary>
internal static class WholeBody
{
    public static async Task WriteAsync(HttpContext context, CompletionReply reply, byte[] body, TimeProvider time)
    {
        if (reply.Profile.PaceWholeAnswers)
        {
            await PacedStream.DelayAsync(reply.Profile.TimeToFirstToken + reply.Profile.TokenInterval * reply.Pieces.Count, time, context.RequestAborted);
        }

        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        if (reply.CutShort || reply.Stall)
        {
            await context.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            if (reply.Stall)
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, time, context.RequestAborted);
            }

            context.Abort();
            return;
        }

        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }
}
