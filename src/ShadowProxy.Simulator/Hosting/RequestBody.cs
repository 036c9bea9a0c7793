using ShadowProxy.Simulator.Wire;

namespace ShadowProxy.Simulator.Hosting;

internal static class RequestBody
{
    public static async Task<byte[]> ReadAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        return buffer.ToArray();
    }

    public static ReceivedRequest ToJournal(HttpContext context, byte[] body, string? model, TimeProvider time) => new(
        context.Request.Method,
        context.Request.Path.Value ?? "/",
        context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
        body,
        model,
        time.GetUtcNow());
}
