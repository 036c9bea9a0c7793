using ShadowProxy.Simulator.Profiles;
using ShadowProxy.Simulator.Wire;

namespace ShadowProxy.Simulator.Hosting;

internal sealed record CompletionReply(
    ResponseEnvelope Envelope,
    IReadOnlyList<string> Pieces,
    string FinishReason,
    TokenUsage Usage,
    SimulatorProfile Profile,
    bool CutShort,
    bool Stall = false);
