using System.Text;
using ShadowProxy.Simulator.Profiles;

namespace ShadowProxy.Simulator.Hosting;

/// <summary>Draws a fault for a request and plays out the ones that replace the whole response.</summary>
internal static class FaultResponder
{
    public static FaultKind Pick(FaultProfile faults, Random random)
    {
        if (!faults.Any)
        {
            return FaultKind.None;
        }

        var roll = random.NextDouble();
        foreach (var (kind, chance) in new[]
        {
            (FaultKind.RateLimited, faults.RateLimited), (FaultKind.ServerError, faults.ServerError), (FaultKind.Hang, faults.Hang),
            (FaultKind.MalformedJson, faults.MalformedJson), (FaultKind.CutStream, faults.CutStream), (FaultKind.GarbageBytes, faults.GarbageBytes),
            (FaultKind.StallStream, faults.StallStream),
        })
        {
            if (roll < chance)
            {
                return kind;
            }

            roll -= chance;
        }

        return FaultKind.None;
    }

    /// <returns>True when the fault produced the whole response.</returns>
    public static async Task<bool> TryRespondAsync(HttpContext context, FaultKind fault, TimeProvider time, Random random, IReplyWriter writer)
    {
        switch (fault)
        {
            case FaultKind.RateLimited:
                context.Response.Headers.RetryAfter = "1";
                await writer.WriteErrorAsync(context, 429, "rate_limit_error", "Rate limit reached for requests (simulated).", "rate_limit_exceeded");
                return true;
            case FaultKind.ServerError:
                await writer.WriteErrorAsync(context, 500, "server_error", "The server had an error while processing your request (simulated).");
                return true;
            case FaultKind.Hang:
                await Task.Delay(TimeSpan.FromMinutes(30), time, context.RequestAborted).ContinueWith(static _ => { }, TaskScheduler.Default);
                return true;
            case FaultKind.MalformedJson:
                context.Response.ContentType = "application/json";
                await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes("{\"id\":\"chatcmpl-broken\",\"choices\":[{\"index\":0,\"message\":{\"content\":\"unterminated"), context.RequestAborted);
                return true;
            case FaultKind.GarbageBytes:
                context.Response.ContentType = "application/json";
                var garbage = new byte[256];
                random.NextBytes(garbage);
                await context.Response.Body.WriteAsync(garbage, context.RequestAborted);
                return true;
            default:
                return false;
        }
    }
}
