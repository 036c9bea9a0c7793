using System.Globalization;
using System.Text;
using System.Text.Json;
using ShadowProxy.LoadBench.Soak;

namespace ShadowProxy.LoadBench.Memory;

/// <summary>The memory benchmark's verdict: per-phase RSS against the configured byte budget, and the accounting.</summary>
internal sealed class MemoryReport(
    MemorySettings settings, IReadOnlyList<MemoryPhase> phases, ShadowAccountingScrape accounting, double peakRssMiB, IReadOnlyList<MemorySample> samples)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private double BudgetMiB => settings.MaxBufferedBytes / 1024.0 / 1024.0;

    private double IdleMiB => phases[0].EndRssMiB;

    /// <summary>
    /// What the runtime may add on top of the budget whatever its size: Kestrel's and YARP's pooled buffers for the
    /// open connections and the GC's headroom (measured at about 60–70 MiB with 200 connections on 2 cores).
    /// </summary>
    private const double RuntimeAllowanceMiB = 96;

    /// <summary>Bounded: no phase's peak above idle + budget + the runtime allowance, and the buffers never above the budget.</summary>
    public bool Bounded => phases.All(p => p.PeakRssMiB <= IdleMiB + BudgetMiB + RuntimeAllowanceMiB) && phases.All(p => p.PeakBudgetMiB <= BudgetMiB);

    /// <summary>Flat: the last stream round peaks within 5% of the first, so nothing accumulates from round to round.</summary>
    public bool Flat
    {
        get
        {
            var rounds = phases.Where(p => p.Name.StartsWith("round", StringComparison.Ordinal)).ToList();
            return rounds.Count < 2 || rounds[^1].PeakRssMiB <= rounds[0].PeakRssMiB * 1.05;
        }
    }

    public async Task WriteAsync(string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var csv = new StringBuilder("seconds,rss_mib,budget_mib\n");
        foreach (var sample in samples)
        {
            csv.AppendLine(CultureInfo.InvariantCulture, $"{sample.Seconds:F2},{sample.RssMiB:F1},{sample.BudgetMiB:F1}");
        }

        await File.WriteAllTextAsync(Path.Combine(directory, "rss.csv"), csv.ToString(), cancellationToken);
        var json = new
        {
            max_buffered_mib = BudgetMiB,
            idle_rss_mib = IdleMiB,
            peak_rss_mib = peakRssMiB,
            bounded = Bounded,
            flat_across_rounds = Flat,
            phases = phases.Select(p => new { name = p.Name, requests = p.Requests, errors = p.Errors, peak_rss_mib = p.PeakRssMiB, end_rss_mib = p.EndRssMiB, peak_budget_mib = p.PeakBudgetMiB }),
            sampled = accounting.Sampled,
            outcomes = accounting.Outcomes,
        };
        await File.WriteAllTextAsync(Path.Combine(directory, "report.json"), JsonSerializer.Serialize(json, Indented), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(directory, "README.md"), Markdown(), cancellationToken);
    }

    public string Markdown()
    {
        var text = new StringBuilder();
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));
        Line($"# Memory under the red-team's attacks (`bench/run.sh memory`)");
        Line($"");
        Line($"`shadowproxy serve` alone on core 1, shadowing 100% to a baseline that never answers (30 s timeout), with");
        Line($"`Shadowing:MaxBufferedBytes` = {BudgetMiB:F0} MiB; the large-answer primary and the load in one process on core 0.");
        Line($"");
        Line($"| phase | requests | errors | peak RSS MiB | RSS at end MiB | peak shadow buffers MiB |");
        Line($"|---|---:|---:|---:|---:|---:|");
        foreach (var p in phases)
        {
            Line($"| {p.Name} | {p.Requests} | {p.Errors} | {p.PeakRssMiB:F0} | {p.EndRssMiB:F0} | {p.PeakBudgetMiB:F1} |");
        }

        Line($"");
        Line($"- Peak RSS (VmHWM) {peakRssMiB:F0} MiB; idle {IdleMiB:F0} MiB; budget {BudgetMiB:F0} MiB — **{(Bounded ? "bounded" : "NOT bounded")}** (every phase's peak ≤ idle + budget + {RuntimeAllowanceMiB:F0} MiB for the runtime's own buffers, and the shadow buffers never above the budget).");
        Line($"- From stream round to round: **{(Flat ? "flat" : "growing")}** (the last round's peak within 5% of the first's).");
        Line($"- Shadow accounting: {accounting.Sampled} sampled, {accounting.TotalOutcomes} outcomes — {(accounting.Balanced ? "balanced" : "**not balanced**")} ({string.Join(", ", accounting.Outcomes.Where(o => o.Value > 0).OrderByDescending(o => o.Value).Select(o => $"{o.Key} {o.Value}"))}).");
        Line($"");
        Line($"Samples every 250 ms in rss.csv.");
        return text.ToString();
    }
}
