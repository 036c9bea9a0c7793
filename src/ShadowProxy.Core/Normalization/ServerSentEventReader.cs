using System.Net.ServerSentEvents;
using System.Runtime.InteropServices;

namespace ShadowProxy.Core.Normalization;

internal static class ServerSentEventReader
{
    /// <summary>True when the body looks like SSE even if the content type was lost or wrong.</summary>
    public static bool LooksLikeEventStream(ReadOnlySpan<byte> body)
    {
        var trimmed = body.TrimStart(" \t\r\n"u8);
        return trimmed.StartsWith("data:"u8) || trimmed.StartsWith("event:"u8) || trimmed.StartsWith(":"u8);
    }

    /// <summary>Every event with data, in order; comments and empty keep-alives are skipped by the parser.</summary>
    public static IEnumerable<ServerSentEvent> Read(ReadOnlyMemory<byte> body)
    {
        var bytes = MemoryMarshal.TryGetArray(body, out var segment)
            ? segment
            : new ArraySegment<byte>(body.ToArray());
        using var stream = new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false);
        foreach (var item in SseParser.Create(stream).Enumerate())
        {
            if (!string.IsNullOrWhiteSpace(item.Data))
            {
                yield return new ServerSentEvent(item.EventType, item.Data);
            }
        }
    }
}
