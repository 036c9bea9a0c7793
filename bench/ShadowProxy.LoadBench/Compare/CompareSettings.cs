using ShadowProxy.LoadBench.Harness;
using ShadowProxy.LoadBench.Systems;

namespace ShadowProxy.LoadBench.Compare;

/// <summary>How long and how often: rounds alternate the systems, so drift of the machine spreads over all of them.</summary>
internal sealed record CompareSettings(
    int Rounds, TimeSpan Warmup, TimeSpan WarmupLimit, TimeSpan Saturation, TimeSpan Stage, IReadOnlyList<BenchSystem> Systems, string Output, bool Quick,
    double? CpuLimit)
{
    public static CompareSettings From(BenchArguments arguments)
    {
        var quick = arguments.Flag("--quick");
        var rounds = (int)arguments.Number("--rounds", quick ? 1 : 3);
        var stage = TimeSpan.FromSeconds(arguments.Number("--stage-seconds", quick ? 2 : 5));
        var names = arguments.Text("--systems")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        // Cores each system may use while saturated (a Kubernetes CPU limit); unset, it has core 1 to itself.
        double? cpuLimit = arguments.Text("--cpu-limit") is null ? null : arguments.Number("--cpu-limit", 1);
        var output = arguments.Text("--out") ?? Path.Combine("bench", "results", quick ? "compare-quick" : "compare");
        arguments.RejectUnknown();

        var systems = names is null
            ? SystemCatalog.All
            : names.Select(n => SystemCatalog.All.FirstOrDefault(s => s.Name == n)
                ?? throw new ArgumentException($"unknown system '{n}'; known: {string.Join(", ", SystemCatalog.All.Select(s => s.Name))}")).ToList();
        if (!systems.Any(s => s.Name == "direct"))
        {
            throw new ArgumentException("--systems must include 'direct': added latency is measured against it.");
        }

        return new CompareSettings(rounds, TimeSpan.FromSeconds(quick ? 1 : 2), TimeSpan.FromSeconds(quick ? 12 : 150), stage + stage / 2, stage, systems, output, quick, cpuLimit);
    }
}
