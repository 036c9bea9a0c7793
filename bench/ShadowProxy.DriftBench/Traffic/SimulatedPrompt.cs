using ShadowProxy.Core.Normalization;
using ShadowProxy.Simulator.Tasks;

namespace ShadowProxy.DriftBench.Traffic;

/// <summary>A request as the comparer sees it, what the simulator recognises in it, and the city a tool request asks about.</summary>
internal sealed record SimulatedPrompt(string Text, RequestFacts Request, RecognizedTask Task, string? City = null);
