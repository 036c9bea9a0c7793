namespace ShadowProxy.Simulator.Wire;

public sealed record ReceivedRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body,
    string? Model,
    DateTimeOffset ReceivedAt);
