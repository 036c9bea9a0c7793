using ShadowProxy.LoadBench.Harness;

namespace ShadowProxy.LoadBench.Systems;

/// <summary>What every system is started against: the shared upstream, the baselines, the core it gets.</summary>
internal sealed record SystemContext(
    BenchLayout Layout, string WorkDirectory, int SystemCore, Uri Upstream, Uri FastBaseline, Uri SlowBaseline, Uri DeadBaseline);
