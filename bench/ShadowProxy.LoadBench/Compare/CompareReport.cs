using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ShadowProxy.LoadBench.Harness;
using ShadowProxy.LoadBench.Load;

namespace ShadowProxy.LoadBench.Compare;

/// <summary>Writes report.md and report.json: the summary tables, the goals, and every raw measurement.</summary>
internal sealed class CompareReport(
    CompareSettings settings, double[] levels, IReadOnlyList<SaturationMeasurement> saturation,
    IReadOnlyList<SideBySideMeasurement> sideBySide, IReadOnlyList<StageMeasurement> stages, IReadOnlyList<MemoryMeasurement> memory, TimeSpan elapsed,
    IReadOnlyDictionary<string, Soak.ShadowAccountingScrape> accounting, IReadOnlyDictionary<string, Soak.ShadowAccountingScrape> togetherAccounting)
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    private readonly CompareSummary _summary = new(saturation, stages, memory, sideBySide);
    private readonly BenchEnvironment _environment = BenchEnvironment.Read();

    public async Task WriteAsync(string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "report.md"), Markdown(), cancellationToken);
        var json = new
        {
            environment = _environment,
            settings = new { settings.Rounds, settings.Quick, warmupSeconds = settings.Warmup.TotalSeconds, warmupLimitSeconds = settings.WarmupLimit.TotalSeconds, saturationSeconds = settings.Saturation.TotalSeconds, stageSeconds = settings.Stage.TotalSeconds, wrkConnections = WrkSaturation.Connections },
            fixedRateLevels = levels,
            elapsedSeconds = Math.Round(elapsed.TotalSeconds),
            goals = CompareGoals.Evaluate(_summary),
            saturation,
            sideBySide,
            stages,
            memory,
            accounting,
            togetherAccounting,
        };
        await File.WriteAllTextAsync(Path.Combine(directory, "report.json"), JsonSerializer.Serialize(json, JsonOptions), cancellationToken);
    }

    public string Markdown()
    {
        var md = new StringBuilder();
        void Line(FormattableString text) => md.AppendLine(text.ToString(CultureInfo.InvariantCulture));
        Line($"# Side-by-side: ShadowProxy against direct, bare YARP, nginx and Portkey");
        Line($"");
        Line($"{_environment.Describe()}");
        Line($"Each system was warmed with wrk until its CPU per request (throughput where no CPU is measured) stopped falling for {CompareCommand.SteadyBursts} bursts of {CompareCommand.WarmupBurst.TotalSeconds:F0} s (at most {settings.WarmupLimit.TotalSeconds:F0} s), then measured in {settings.Rounds} round(s), systems alternating: wrk saturation {settings.Saturation.TotalSeconds:F0} s with {WrkSaturation.Connections} connections; fixed-rate stages of {settings.Stage.TotalSeconds:F0} s after {settings.Warmup.TotalSeconds:F0} s at 50%. The run took {elapsed.TotalMinutes:F1} min.");
        if (settings.CpuLimit is { } cores)
        {
            Line($"During warm-up and saturation each system's processes had a CPU limit of {cores:0.##} core(s) (a cgroup CFS quota per 100 ms, as Kubernetes enforces `resources.limits.cpu`), so the system rather than the load's core ran out of CPU; the fixed-rate stages ran without it.");
        }

        Line($"Figures are medians over rounds (range in brackets). \"Added\" is the system's percentile minus direct's in the same round, median over rounds. Throughput ratios in the goals are taken side by side (both systems saturated at once, each by its own wrk, see below) where the run measured the pair so.");
        if (_summary.Stages.Contains(CompareGoals.Together))
        {
            Line($"In the stage `{CompareGoals.Together}` the systems the CPU goals compare were loaded all at once, each by its own fixed-rate load (together the 50% level, split evenly), after the one-at-a-time stages; the CPU goals read it.");
        }

        Line($"");
        foreach (var system in settings.Systems)
        {
            Line($"- `{system.Name}`: {system.Description}");
        }

        Line($"");
        Line($"## Goals");
        Line($"");
        Line($"| goal | measured | target | met |");
        Line($"|---|---|---|---|");
        foreach (var goal in CompareGoals.Evaluate(_summary))
        {
            Line($"| {goal.Name} | {goal.Measured} | {goal.Target} | {(goal.Met ? "yes" : "**no**")} |");
        }

        Line($"");
        if (_summary.SideBySidePairs.Any())
        {
            Line($"## Side by side (both saturated at once, {settings.Rounds} round(s) of {settings.Saturation.TotalSeconds:F0} s)");
            Line($"");
            Line($"| system | reference | ratio | req/s system | req/s reference | cores busy (system, reference) |");
            Line($"|---|---|---|---|---|---|");
            foreach (var (system, reference) in _summary.SideBySidePairs)
            {
                var rounds = _summary.SideBySide(system, reference);
                var ratio = Spread.Of(rounds.Select(m => m.Ratio));
                var ofSystem = Spread.Of(rounds.Select(m => m.SystemResult.RequestsPerSecond));
                var ofReference = Spread.Of(rounds.Select(m => m.ReferenceResult.RequestsPerSecond));
                var systemBusy = Statistics.Median(rounds.Select(m => m.SystemResult.CoresBusy ?? double.NaN));
                var referenceBusy = Statistics.Median(rounds.Select(m => m.ReferenceResult.CoresBusy ?? double.NaN));
                Line($"| {system} | {reference} | {ratio.Median:F3} ({ratio.Min:F3}–{ratio.Max:F3}) | {ofSystem.Median:F0} | {ofReference.Median:F0} | {systemBusy:F2}, {referenceBusy:F2} |");
            }

            Line($"");
        }

        Line($"## Saturation (wrk, small JSON, instant upstream)");
        Line($"");
        Line($"| system | req/s | vs bare YARP | CPU ms/request | cores busy | peak RSS MiB | failed |");
        Line($"|---|---|---|---|---|---|---|");
        var yarp = _summary.Has("bare-yarp") ? _summary.Throughput("bare-yarp").Median : double.NaN;
        foreach (var system in _summary.Systems)
        {
            var t = _summary.Throughput(system);
            Line($"| {system} | {t.Median:F0} ({t.Min:F0}–{t.Max:F0}) | {t.Median / yarp:F3} | {_summary.CpuMsPerRequest(system):F3} | {_summary.CoresBusy(system):F2} | {_summary.PeakRssMiB(system):F0} | {_summary.SaturationFailures(system)} |");
        }

        foreach (var stage in _summary.Stages.Where(s => s != CompareGoals.StreamStage))
        {
            Line($"");
            Line($"## {stage}: latency in ms (fixed rate, from intended send time)");
            Line($"");
            Line($"| system | p50 | p99 | p99.9 | added p50 | added p99 | added p99.9 | CPU ms/request | failed/sent |");
            Line($"|---|---|---|---|---|---|---|---|---|");
            foreach (var system in _summary.Systems.Where(s => _summary.HasStage(s, stage)))
            {
                var p99 = _summary.Latency(system, stage, r => r.Latency.P99);
                Line($"| {system} | {_summary.Latency(system, stage, r => r.Latency.P50).Median:F3} | {p99.Median:F3} ({p99.Min:F2}–{p99.Max:F2}) | {_summary.Latency(system, stage, r => r.Latency.P999).Median:F3} | {_summary.Added(system, stage, r => r.Latency.P50):F3} | {_summary.Added(system, stage, r => r.Latency.P99):F3} | {_summary.Added(system, stage, r => r.Latency.P999):F3} | {_summary.Latency(system, stage, r => r.CpuMsPerRequest ?? double.NaN).Median:F3} | {_summary.Failed(system, stage)}/{_summary.Sent(system, stage)} |");
            }
        }

        Line($"");
        Line($"## Streaming: first token after 50 ms, then a chunk every 2 ms (20 streams/s)");
        Line($"");
        Line($"| system | TTFT p50 | TTFT p99 | added TTFT p50 | added TTFT p99 | chunk gap p50 | chunk gap p99 | chunks/stream | failed/sent |");
        Line($"|---|---|---|---|---|---|---|---|---|");
        const string Stream = CompareGoals.StreamStage;
        foreach (var system in _summary.Systems.Where(s => _summary.HasStage(s, Stream)))
        {
            Line($"| {system} | {_summary.Latency(system, Stream, r => r.TimeToFirstToken!.P50).Median:F3} | {_summary.Latency(system, Stream, r => r.TimeToFirstToken!.P99).Median:F3} | {_summary.Added(system, Stream, r => r.TimeToFirstToken!.P50):F3} | {_summary.Added(system, Stream, r => r.TimeToFirstToken!.P99):F3} | {_summary.Latency(system, Stream, r => r.ChunkGap!.P50).Median:F3} | {_summary.Latency(system, Stream, r => r.ChunkGap!.P99).Median:F3} | {_summary.Latency(system, Stream, r => r.ChunksPerStream).Median:F1} | {_summary.Failed(system, Stream)}/{_summary.Sent(system, Stream)} |");
        }

        // Under saturation the low-priority comparison yields to the proxy and the queue sheds: say how much.
        AccountingTable("Shadow accounting over the whole run (saturation and fixed rates)", accounting);
        AccountingTable($"Shadow accounting in the stage `{CompareGoals.Together}`", togetherAccounting);
        return md.ToString();

        void AccountingTable(string title, IReadOnlyDictionary<string, Soak.ShadowAccountingScrape> scrapes)
        {
            if (scrapes.Count == 0)
            {
                return;
            }

            Line($"");
            Line($"## {title}");
            Line($"");
            Line($"| system | sampled | outcomes | paired | dropped_queue_full | other |");
            Line($"|---|---|---|---|---|---|");
            foreach (var (system, scrape) in scrapes)
            {
                var paired = scrape.Outcomes.GetValueOrDefault("paired");
                var shed = scrape.Outcomes.GetValueOrDefault("dropped_queue_full");
                Line($"| {system} | {scrape.Sampled} | {scrape.TotalOutcomes} | {paired} | {shed} | {scrape.TotalOutcomes - paired - shed} |");
            }
        }
    }
}
