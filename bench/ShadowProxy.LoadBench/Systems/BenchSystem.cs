namespace ShadowProxy.LoadBench.Systems;

/// <summary>One contestant of the side-by-side run.</summary>
internal sealed record BenchSystem(string Name, string Description, Func<SystemContext, CancellationToken, Task<RunningSystem>> StartAsync)
{
    /// <summary>Runs only the primary-protection checks (saturation and the 50% latency stage), not every workload.</summary>
    public bool BaselineFaultVariant { get; init; }
}
