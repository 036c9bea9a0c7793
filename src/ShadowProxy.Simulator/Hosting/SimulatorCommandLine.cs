using System.Globalization;
using ShadowProxy.Simulator.Profiles;
using ShadowProxy.Simulator.Replay;

namespace ShadowProxy.Simulator.Hosting;

/// <summary>The simulator executable's few flags, each given as `--name value`.</summary>
internal static class SimulatorCommandLine
{
    public static SimulatorOptions Parse(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is >= 0 and var i && i + 1 < args.Length ? args[i + 1] : null;

        var profileName = Value("--profile") ?? "march";
        var options = new SimulatorOptions
        {
            Url = Value("--urls") ?? "http://127.0.0.1:5001",
            Seed = int.Parse(Value("--seed") ?? "1", CultureInfo.InvariantCulture),
        };
        if (!profileName.Equals("replay", StringComparison.OrdinalIgnoreCase))
        {
            return options with { Profile = BuiltInProfiles.Get(profileName) };
        }

        var file = Value("--replay-file") ?? throw new ArgumentException("--profile replay needs --replay-file <csv>.");
        var model = Value("--replay-model") ?? throw new ArgumentException("--profile replay needs --replay-model <model column value>.");
        return options with
        {
            Profile = BuiltInProfiles.Instant with { Name = "replay", Model = model },
            Recordings = RecordedGenerations.Load(file, model),
        };
    }
}
