namespace ShadowProxy.Gateway.Tests.Infrastructure;

/// <summary>
/// Tests that read something process-wide (a pool's count) or measure the time between two events run alone, after
/// the parallel ones: on two cores, the other tests' CPU would otherwise be what they measure.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAloneGroup
{
    public const string Name = "runs alone";

    /// <summary>
    /// For tests whose claim is about timing, not about yielding the CPU: shadow workers at the proxy's priority. At the
    /// default (nice 19) a worker runs only when nothing else in the process wants the core.
    /// </summary>
    public static Dictionary<string, string?> WithWorkersAtNormalPriority(Dictionary<string, string?> settings)
    {
        settings["Shadowing:WorkerPriority"] = "Normal";
        return settings;
    }
}
