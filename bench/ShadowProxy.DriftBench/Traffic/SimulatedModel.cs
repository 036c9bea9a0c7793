using ShadowProxy.Simulator.Profiles;

namespace ShadowProxy.DriftBench.Traffic;

/// <summary>
/// A simulated model: a simulator profile, plus behaviours the simulator does not have: tool calls (which function,
/// how often it picks the other one) and answering free-text questions off topic.
/// </summary>
internal sealed record SimulatedModel(SimulatorProfile Profile, double ToolSwitchRate = 0, double OffTopicRate = 0)
{
    /// <summary>How often the baseline itself calls the other function, or passes the other unit: the tool noise floor.</summary>
    public const double ToolNoise = 0.03;

    public static implicit operator SimulatedModel(SimulatorProfile profile) => new(profile);
}
