using ShadowProxy.Simulator.Profiles;
using ShadowProxy.Simulator.Replay;

namespace ShadowProxy.Simulator.Hosting;

public sealed record SimulatorOptions
{
    /// <summary>Where to listen; port 0 picks a free port.</summary>
    public string Url { get; init; } = "http://127.0.0.1:0";

    public SimulatorProfile Profile { get; init; } = BuiltInProfiles.March;

    public int Seed { get; init; } = 1;

    /// <summary>When set, answers come from these recordings instead of the profile's composer.</summary>
    public RecordedGenerations? Recordings { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
