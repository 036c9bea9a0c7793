namespace ShadowProxy.Core.Normalization;

internal readonly record struct ServerSentEvent(string EventType, string Data)
{
    public bool IsDone => Data.AsSpan().Trim().SequenceEqual("[DONE]");
}
