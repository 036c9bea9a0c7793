namespace ShadowProxy.Gateway.Shadowing.Policy;

/// <summary>The `Shadowing` section: the shared queue and workers, and a policy per YARP route id.</summary>
internal sealed record ShadowingOptions
{
    public const string Section = "Shadowing";

    /// <summary>Exchanges waiting for a baseline call; past this they are dropped and counted, never waited for.</summary>
    public int QueueCapacity { get; init; } = 1_000;

    /// <summary>Background workers calling baselines; calls take seconds and are I/O-bound, so many are cheap.
    /// Each route also has its own concurrency cap (Baseline:MaxConcurrency).</summary>
    public int Workers { get; init; } = 32;

    /// <summary>At shutdown, how long in-flight baseline calls may finish before they are cancelled (and counted).</summary>
    public TimeSpan ShutdownGrace { get; init; } = TimeSpan.FromSeconds(10);

    public Dictionary<string, RouteShadowOptions> Routes { get; init; } = [];
}
