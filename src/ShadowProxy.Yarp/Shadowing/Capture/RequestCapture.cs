using System.Buffers;

namespace ShadowProxy.Yarp.Shadowing.Capture;

/// <summary>Reads a sampled request's body into a bounded buffer and gives the primary an identical body to forward.</summary>
internal static class RequestCapture
{
    /// <returns>The captured body; when it is <see cref="PooledCapture.Overflowed"/> (too large, or over the process's
    /// budget) it holds nothing and the request body is restored as-is.</returns>
    public static async ValueTask<PooledCapture> ReadAsync(HttpRequest request, long maxBytes, CaptureBudget budget, CancellationToken cancellationToken)
    {
        var limit = (int)Math.Min(maxBytes, int.MaxValue - 1);
        var capture = new PooledCapture(limit, budget);
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            return await ReadIntoAsync(request, capture, chunk, cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private static async ValueTask<PooledCapture> ReadIntoAsync(HttpRequest request, PooledCapture capture, byte[] chunk, CancellationToken cancellationToken)
    {
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (!capture.Append(chunk.AsSpan(0, read)))
            {
                // Over the limit: give the primary what was read plus the unread rest; nothing is lost or reordered.
                var prefix = new byte[capture.Length + read];
                capture.Span.CopyTo(prefix);
                chunk.AsSpan(0, read).CopyTo(prefix.AsSpan(capture.Length));
                request.Body = new PrefixedStream(prefix, request.Body);
                capture.Dispose();
                return capture;
            }
        }

        request.Body = capture.AsReadStream();
        return capture;
    }
}
