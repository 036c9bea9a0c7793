namespace ShadowProxy.Yarp.Telemetry;

/// <summary>The `Telemetry` section: which served model names may become metric labels.</summary>
internal sealed record TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>Model names allowed as labels; a trailing `*` matches a prefix. Unset keeps the built-in list.</summary>
    public List<string>? ModelAllowList { get; init; }

    /// <summary>Distinct prefix-matched names per process before the rest become `other`.</summary>
    public int MaxModelLabels { get; init; } = 50;
}
