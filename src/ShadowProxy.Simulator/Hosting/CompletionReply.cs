using ShadowProxy.Simulator.Profiles;
using ShadowProxy.Simulator.Wire;

namespace ShadowProxy.Simulator.Hosting;

/// <summary>
/// One simulated answer, whatever wire format carries it: text in token-like pieces, or a tool call whose arguments
/// arrive in pieces; the finish reason in the chat vocabulary (each format maps it to its own).
/// </summary>
internal sealed record CompletionReply(
    ResponseEnvelope Envelope,
    IReadOnlyList<string> Pieces,
    string FinishReason,
    TokenUsage Usage,
    SimulatorProfile Profile,
    bool CutShort,
    bool Stall = false)
{
    /// <summary>Set when the model calls a tool; <see cref="Pieces"/> are then fragments of its arguments.</summary>
    public SimToolCall? ToolCall { get; init; }

    public string Text => string.Concat(Pieces);
}

/// <summary>A tool call the simulated model makes, with ids in each provider's style derived from one seed.</summary>
internal sealed record SimToolCall(string Name, string Arguments, string IdSuffix);
