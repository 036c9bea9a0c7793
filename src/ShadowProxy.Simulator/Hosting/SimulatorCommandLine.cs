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
            return options with { Profile = Tune(BuiltInProfiles.Get(profileName), Value) };
        }

        var file = Value("--replay-file") ?? throw new ArgumentException("--profile replay needs --replay-file <csv>.");
        var model = Value("--replay-model") ?? throw new ArgumentException("--profile replay needs --replay-model <model column value>.");
        return options with
        {
            Profile = BuiltInProfiles.Instant with { Name = "replay", Model = model },
            Recordings = RecordedGenerations.Load(file, model),
        };
    }

    /// <summary>Timing and fault overrides, so benchmarks can shape a stream or a misbehaving baseline.</summary>
    private static SimulatorProfile Tune(SimulatorProfile profile, Func<string, string?> value)
    {
        if (value("--ttft-ms") is { } ttft)
        {
            profile = profile with { TimeToFirstToken = TimeSpan.FromMilliseconds(Number("--ttft-ms", ttft)) };
        }

        if (value("--token-interval-ms") is { } interval)
        {
            profile = profile with { TokenInterval = TimeSpan.FromMilliseconds(Number("--token-interval-ms", interval)) };
        }

        if (value("--reasoning-words") is { } words)
        {
            profile = profile with { ReasoningWords = (int)Number("--reasoning-words", words) };
        }

        if (value("--pace") is { } pace)
        {
            profile = profile with
            {
                PaceWholeAnswers = pace switch
                {
                    "all" => true,
                    "streams" => false,
                    _ => throw new ArgumentException($"--pace is 'all' or 'streams', not '{pace}'."),
                },
            };
        }

        if (value("--fault-share") is { } share)
        {
            var fraction = Number("--fault-share", share);
            profile = profile with
            {
                Faults = fraction <= 1 ? FaultProfile.Mixed(fraction)
                    : throw new ArgumentException($"--fault-share is a share of requests (0–1), not {fraction}."),
            };
        }

        return value("--fault") is { } fault ? profile with { Faults = AlwaysFail(fault) } : profile;
    }

    private static double Number(string flag, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number >= 0
            ? number
            : throw new ArgumentException($"{flag} needs a non-negative number, not '{text}'.");

    private static FaultProfile AlwaysFail(string name) =>
        Enum.TryParse<FaultKind>(name, ignoreCase: true, out var kind) ? FaultProfile.Always(kind)
        : throw new ArgumentException($"Unknown --fault '{name}'. Known: {string.Join(", ", Enum.GetNames<FaultKind>())}.");
}
