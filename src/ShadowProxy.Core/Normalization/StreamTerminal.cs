namespace ShadowProxy.Core.Normalization;

/// <summary>
/// Whether a captured event stream ends with its protocol's terminal event: <c>data: [DONE]</c> (Chat Completions),
/// <c>message_stop</c> (Anthropic Messages) or <c>response.completed</c>/<c>incomplete</c>/<c>failed</c> (Responses).
/// Clients such as the openai npm SDK stop reading there and close the connection before the body's end arrives;
/// such a stream is complete all the same.
/// </summary>
internal static class StreamTerminal
{
    // Far enough into an event to see its type, which providers write first.
    private const int TypeWindow = 128;

    private static readonly byte[][] TerminalTypes =
        ["message_stop"u8.ToArray(), "response.completed"u8.ToArray(), "response.incomplete"u8.ToArray(), "response.failed"u8.ToArray()];

    public static bool Reached(ReadOnlySpan<byte> stream)
    {
        var trimmed = stream.TrimEnd(" \t\r\n"u8);
        var last = trimmed[LastEventStart(trimmed)..];
        if (last.StartsWith("data: [DONE]"u8) || last.StartsWith("data:[DONE]"u8))
        {
            return true;
        }

        var head = last[..Math.Min(last.Length, TypeWindow)];
        foreach (var type in TerminalTypes)
        {
            if (Names(head, type))
            {
                return true;
            }
        }

        return false;
    }

    private static int LastEventStart(ReadOnlySpan<byte> stream)
    {
        var lf = stream.LastIndexOf("\n\n"u8);
        var crlf = stream.LastIndexOf("\r\n\r\n"u8);
        return Math.Max(lf < 0 ? 0 : lf + 2, crlf < 0 ? 0 : crlf + 4);
    }

    /// <summary>`event: {type}` as the event's name, or `"type":"{type}"` in its data.</summary>
    private static bool Names(ReadOnlySpan<byte> head, ReadOnlySpan<byte> type)
    {
        if (head.StartsWith("event:"u8))
        {
            var name = head["event:"u8.Length..].TrimStart((byte)' ');
            var end = name.IndexOfAny((byte)'\r', (byte)'\n');
            return (end < 0 ? name : name[..end]).SequenceEqual(type);
        }

        var quoted = head.IndexOf("\"type\":\""u8);
        return quoted >= 0 && head[(quoted + 8)..].StartsWith(type) && head.Length > quoted + 8 + type.Length && head[quoted + 8 + type.Length] == (byte)'"';
    }
}
