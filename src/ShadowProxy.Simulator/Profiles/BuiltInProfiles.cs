namespace ShadowProxy.Simulator.Profiles;

/// <summary>
/// Named profiles. "march" and "june" echo what Chen, Zaharia and Zou measured for GPT-4 in 2023:
/// the June model reasons less, answers tersely, gets checkable tasks wrong more often, fences code, refuses more.
/// </summary>
public static class BuiltInProfiles
{
    public static SimulatorProfile March { get; } = new()
    {
        Name = "march",
        Model = "gpt-sim-0314",
        SystemFingerprint = "fp_march0314",
        TimeToFirstToken = TimeSpan.FromMilliseconds(120),
        TokenInterval = TimeSpan.FromMilliseconds(4),
        TaskAccuracy = 0.85,
        ReasoningWords = 80,
        CodeFenceRate = 0.02,
        JsonComplianceRate = 0.97,
        SensitiveRefusalRate = 0.2,
    };

    public static SimulatorProfile June { get; } = March with
    {
        Name = "june",
        Model = "gpt-sim-0613",
        SystemFingerprint = "fp_june0613",
        TimeToFirstToken = TimeSpan.FromMilliseconds(80),
        TaskAccuracy = 0.5,
        ReasoningWords = 0,
        CodeFenceRate = 0.9,
        JsonComplianceRate = 0.97,
        SensitiveRefusalRate = 0.8,
    };

    /// <summary>No latency at all: for measuring a proxy's own overhead.</summary>
    public static SimulatorProfile Instant { get; } = March with
    {
        Name = "instant",
        Model = "gpt-sim-instant",
        SystemFingerprint = "fp_instant",
        TimeToFirstToken = TimeSpan.Zero,
        TokenInterval = TimeSpan.Zero,
        ReasoningWords = 8,
    };

    public static IReadOnlyDictionary<string, SimulatorProfile> All { get; } =
        new Dictionary<string, SimulatorProfile>(StringComparer.OrdinalIgnoreCase)
        {
            [March.Name] = March,
            [June.Name] = June,
            [Instant.Name] = Instant,
        };

    public static SimulatorProfile Get(string name) =>
        All.TryGetValue(name, out var profile)
            ? profile
            : throw new ArgumentException(
                $"Unknown simulator profile '{name}'. Known: {string.Join(", ", All.Keys)}, replay.", nameof(name));
}
