using System.Collections.Concurrent;
using ShadowProxy.Simulator.Profiles;
using ShadowProxy.Simulator.Replay;
using ShadowProxy.Simulator.Tasks;
using ShadowProxy.Simulator.Wire;

namespace ShadowProxy.Simulator.Hosting;

/// <summary>The live state of one simulator: its current profile (switchable mid-run), seed and journal.</summary>
internal sealed class SimulatorState(SimulatorOptions options)
{
    private readonly ConcurrentDictionary<ulong, int> _occurrences = new();
    private volatile SimulatorProfile _profile = options.Profile;

    public SimulatorProfile Profile
    {
        get => _profile;
        set => _profile = value;
    }

    public RecordedGenerations? Recordings { get; } = options.Recordings;

    public TimeProvider TimeProvider { get; } = options.TimeProvider;

    public RequestJournal Journal { get; } = new();

    public Random RandomFor(string prompt)
    {
        var hash = SeededRandom.Hash(prompt);
        var occurrence = _occurrences.AddOrUpdate(hash, 0, static (_, n) => n + 1);
        return SeededRandom.For(options.Seed, hash, occurrence);
    }
}
