namespace ShadowProxy.Simulator.Tasks;

internal sealed record SimulatedAnswer(string Text, string FinishReason = "stop");
