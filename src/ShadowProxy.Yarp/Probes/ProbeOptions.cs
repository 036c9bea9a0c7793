namespace ShadowProxy.Yarp.Probes;

/// <summary>The `Probes` section.</summary>
internal sealed record ProbesOptions
{
    public const string Section = "Probes";

    public Dictionary<string, RouteProbeOptions> Routes { get; init; } = [];
}

/// <summary>`Probes:Routes:{route}`: canary tasks with known answers, sent on a schedule through the route.</summary>
internal sealed record RouteProbeOptions
{
    public bool Enabled { get; init; }

    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Probes per run; each costs one primary and one baseline call.</summary>
    public int PerRun { get; init; } = 5;

    /// <summary>primality, happy_numbers, arithmetic, json_schema, letter_fidelity (all by default).</summary>
    public List<string> Suites { get; init; } = [];

    /// <summary>The model the probes ask the primary for (the one the route's apps use).</summary>
    public string Model { get; init; } = "gpt-4o";
}
