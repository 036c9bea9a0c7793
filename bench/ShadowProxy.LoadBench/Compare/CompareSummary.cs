namespace ShadowProxy.LoadBench.Compare;

/// <summary>Medians over rounds, and differences against `direct` paired within each round before taking the median.</summary>
internal sealed class CompareSummary(
    IReadOnlyList<SaturationMeasurement> saturation, IReadOnlyList<StageMeasurement> stages, IReadOnlyList<MemoryMeasurement> memory,
    IReadOnlyList<SideBySideMeasurement>? sideBySide = null)
{
    private readonly IReadOnlyList<SideBySideMeasurement> _sideBySide = sideBySide ?? [];

    public IEnumerable<string> Systems => saturation.Select(s => s.System).Distinct();

    public IEnumerable<string> Stages => stages.Select(s => s.Result.Stage).Distinct();

    public bool Has(string system) => saturation.Any(s => s.System == system);

    public Spread Throughput(string system) => Spread.Of(saturation.Where(s => s.System == system).Select(s => s.Result.RequestsPerSecond));

    /// <summary>
    /// Median over rounds of system ÷ reference throughput. Taken side by side (both saturated at once) when the run
    /// measured that pair so, else within the same round of the one-at-a-time saturation: this machine's speed drifts
    /// by tens of percent over minutes, and a ratio taken at one moment cancels most of it.
    /// </summary>
    public double ThroughputRatio(string system, string reference) =>
        SideBySide(system, reference) is { Count: > 0 } paired
            ? Statistics.Median(paired.Select(m => m.Ratio))
            : Statistics.Median(saturation.Where(s => s.System == system).Select(s =>
                saturation.FirstOrDefault(r => r.System == reference && r.Round == s.Round) is { } other
                    ? s.Result.RequestsPerSecond / other.Result.RequestsPerSecond : double.NaN));

    /// <summary>The rounds in which <paramref name="system"/> and <paramref name="reference"/> were saturated together.</summary>
    public IReadOnlyList<SideBySideMeasurement> SideBySide(string system, string reference) =>
        [.. _sideBySide.Where(m => m.System == system && m.Reference == reference)];

    public IEnumerable<(string System, string Reference)> SideBySidePairs => _sideBySide.Select(m => (m.System, m.Reference)).Distinct();

    /// <summary>Median over rounds of the CPU per request in a fixed-rate stage.</summary>
    public double StageCpuMsPerRequest(string system, string stage) =>
        Statistics.Median(For(system, stage).Select(m => m.Result.CpuMsPerRequest ?? double.NaN));

    public double CpuMsPerRequest(string system) => Statistics.Median(saturation.Where(s => s.System == system).Select(s => s.Result.CpuMsPerRequest ?? double.NaN));

    public double CoresBusy(string system) => Statistics.Median(saturation.Where(s => s.System == system).Select(s => s.Result.CoresBusy ?? double.NaN));

    public long SaturationFailures(string system) => saturation.Where(s => s.System == system).Sum(s => s.Result.Failed);

    /// <summary>The highest resident memory seen in any phase and round.</summary>
    public double PeakRssMiB(string system) =>
        saturation.Where(s => s.System == system).Select(s => s.PeakRssMiB)
            .Concat(memory.Where(m => m.System == system).Select(m => m.PeakRssMiB)).DefaultIfEmpty(0).Max();

    public bool HasStage(string system, string stage) => For(system, stage).Any();

    public Spread Latency(string system, string stage, Func<Load.StageResult, double> pick) => Spread.Of(For(system, stage).Select(m => pick(m.Result)));

    /// <summary>Median over rounds of (system − direct) for the same stage and round.</summary>
    public double Added(string system, string stage, Func<Load.StageResult, double> pick) =>
        Statistics.Median(For(system, stage).Select(m =>
            For("direct", stage).FirstOrDefault(d => d.Round == m.Round) is { } direct ? pick(m.Result) - pick(direct.Result) : double.NaN));

    public int Failed(string system, string stage) => For(system, stage).Sum(m => m.Result.Failed);

    public int Sent(string system, string stage) => For(system, stage).Sum(m => m.Result.Sent);

    private IEnumerable<StageMeasurement> For(string system, string stage) =>
        stages.Where(s => s.System == system && s.Result.Stage == stage);
}

/// <summary>Median and range over rounds.</summary>
internal sealed record Spread(double Median, double Min, double Max)
{
    public static Spread Of(IEnumerable<double> values)
    {
        var list = values.Where(v => !double.IsNaN(v)).ToList();
        return list.Count == 0 ? new Spread(double.NaN, double.NaN, double.NaN) : new Spread(Statistics.Median(list), list.Min(), list.Max());
    }
}
