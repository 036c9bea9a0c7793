namespace ShadowProxy.Core.Exchanges;

/// <summary>A provider response as the gateway captured it; <paramref name="Truncated"/> means the capture cap was hit.</summary>
internal sealed record CapturedResponse(int StatusCode, string? ContentType, ReadOnlyMemory<byte> Body, bool Truncated)
{
    public bool IsSuccessStatus => StatusCode is >= 200 and < 300;

    public bool IsEventStream =>
        ContentType?.Contains("text/event-stream", StringComparison.OrdinalIgnoreCase) == true;
}
