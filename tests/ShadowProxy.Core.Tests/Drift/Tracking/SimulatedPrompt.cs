using ShadowProxy.Core.Normalization;
using ShadowProxy.Simulator.Tasks;

namespace ShadowProxy.Core.Tests.Drift.Tracking;

internal sealed record SimulatedPrompt(string Text, RequestFacts Request, RecognizedTask Task);
