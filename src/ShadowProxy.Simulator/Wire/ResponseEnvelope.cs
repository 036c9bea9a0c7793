namespace ShadowProxy.Simulator.Wire;

/// <summary>The identity fields every OpenAI response object and chunk repeats.</summary>
internal sealed record ResponseEnvelope(string Id, long Created, string Model, string SystemFingerprint, bool Legacy)
{
    public string ObjectName => Legacy ? "text_completion" : "chat.completion";

    public string ChunkObjectName => Legacy ? "text_completion" : "chat.completion.chunk";
}
