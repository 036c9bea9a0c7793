using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ShadowProxy.Core.Drift.Tracking;

namespace ShadowProxy.DriftBench.Simulation;

/// <summary>bench/results/drift/report.json and report.md: the false-alarm and detection figures of the default settings.</summary>
internal sealed record DriftBenchReport
{
    public const double LowTrafficPairsPerDay = 100;

    /// <summary>The arrival rates every A/B change and the traffic-mix change run at.</summary>
    private static readonly double[] Rates = [1.0, 0.1];

    /// <summary>False-drift budgets (days) and noise-floor bounds (z) the trade-off section runs, the default first.</summary>
    private static readonly (double IntervalDays, double Z)[] TradeOffSettings = [(90, 2), (90, 1), (30, 2), (30, 1), (7, 2)];

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public required AaRow Aa { get; init; }

    public required IReadOnlyList<AbRow> Ab { get; init; }

    public required IReadOnlyList<MixRow> TrafficMix { get; init; }

    public required SlowDriftRow SlowDrift { get; init; }

    public required IReadOnlyList<LowTrafficRow> LowTraffic { get; init; }

    public required IReadOnlyList<TradeOffRow> TradeOff { get; init; }

    public required SettingsRow Settings { get; init; }

    public static async Task<DriftBenchReport> RunAsync(DriftBenchmark benchmark, double days, int reps, Action<string> log, Func<string, bool>? include = null)
    {
        include ??= static _ => true;
        var warmUp = TimeSpan.FromDays(2);
        log($"A/A: 6 routes, {days} days at 1 pair/s");
        var aa = include("aa") ? await benchmark.RunAaAsync(days, 1, seed: 1) : new AaResult(0, 1, 0, 0, []);
        log($"A/A: {aa.Pairs:N0} pairs, {aa.FalseDrift} false drifts, {aa.FalseWarning} false warnings");

        var ab = new List<AbRow>();
        foreach (var change in DriftChange.All.Where(_ => include("ab")))
        {
            foreach (var rate in Rates)
            {
                var runs = new (long? Pairs, int FalseBefore)[reps];
                await Parallel.ForAsync(0, reps, async (rep, _) =>
                    runs[rep] = await benchmark.RunAbAsync(change, rate, warmUp, TimeSpan.FromDays(rate < 1 ? 10 : 2), seed: 100 + rep));
                ab.Add(AbRow.Of(change, rate, runs, benchmark));
                log($"A/B {change.Name} at {rate} pair/s: median {ab[^1].MedianPairsToDetect}, p90 {ab[^1].P90PairsToDetect}, detected {ab[^1].Detected}/{reps}");
            }
        }

        var mix = new List<MixRow>();
        foreach (var rate in Rates.Where(_ => include("mix")))
        {
            var drifts = await benchmark.RunTrafficMixChangeAsync(days, rate, seed: 7);
            mix.Add(new MixRow(rate, days, drifts.Count, drifts));
            log($"traffic mix at {rate} pair/s: {drifts.Count} drifts");
        }

        var slow = include("slow") ? await benchmark.RunSlowDriftAsync(1, warmUp, maxDays: 20, seed: 9) : null;
        log($"slow drift: caught after {slow?.ToString("F2", CultureInfo.InvariantCulture) ?? "never"} days");

        var low = new List<LowTrafficRow>();
        // At the default 10% a quiet route learns its noise floor slowly. The gateway's replicate floor
        // (MinNoiseReplicatesPerHour, 10) replicates every pair of a route this quiet (about 4 an hour): the last
        // row is what the default gateway does; the first rows show the rate alone.
        var lowTraffic = DriftChange.All.Where(c => include("low") && c.Name is "disagreement+10pt" or "length x2" or "refusal+10pt")
            .Select(static c => (Change: c, ReplicateRate: 0.1))
            .Concat(DriftChange.All.Where(c => include("low") && c.Name == "disagreement+10pt").Select(static c => (Change: c, ReplicateRate: 1.0)));
        foreach (var (change, replicateRate) in lowTraffic)
        {
            var rate = LowTrafficPairsPerDay / 86_400;
            var runs = new (long? Pairs, int FalseBefore)[reps];
            await Parallel.ForAsync(0, reps, async (rep, _) =>
                runs[rep] = await benchmark.RunAbAsync(change, rate, TimeSpan.FromDays(10), TimeSpan.FromDays(60), seed: 300 + rep, replicateRate));
            var row = AbRow.Of(change, rate, runs, benchmark);
            low.Add(new LowTrafficRow(change.Name, LowTrafficPairsPerDay, replicateRate, row.MedianPairsToDetect / LowTrafficPairsPerDay, row.P90PairsToDetect / LowTrafficPairsPerDay, row.Detected, reps));
            log($"low traffic {change.Name} ({replicateRate:P0} replicated): median {low[^1].MedianDaysToDetect} days");
        }

        var tradeOff = new List<TradeOffRow>();
        // What a shorter false-drift budget or a tighter noise-floor bound buys on the hardest target: the
        // operator's trade between pages for nothing and pairs to detection.
        var disagreement = DriftChange.All.Single(static c => c.Name == "disagreement+10pt");
        foreach (var (intervalDays, z) in TradeOffSettings.Where(_ => include("tradeoff")))
        {
            var settings = benchmark.Options with
            {
                FalseDriftInterval = TimeSpan.FromDays(intervalDays),
                FalseWarningInterval = TimeSpan.FromDays(Math.Min(intervalDays, benchmark.Options.FalseWarningInterval.TotalDays)),
                NullBoundZ = z,
            };
            var runs = new (long? Pairs, int FalseBefore)[reps];
            await Parallel.ForAsync(0, reps, async (rep, _) =>
                runs[rep] = await benchmark.RunAbAsync(disagreement, 1, warmUp, TimeSpan.FromDays(2), seed: 100 + rep, settings: settings));
            var row = AbRow.Of(disagreement, 1, runs, benchmark);
            tradeOff.Add(new TradeOffRow(disagreement.Name, intervalDays, z, settings.DriftThreshold, row.MedianPairsToDetect, row.P90PairsToDetect, row.Detected, reps));
            log($"trade-off {intervalDays} days, z = {z}: median {row.MedianPairsToDetect}");
        }

        var options = benchmark.Options;
        return new DriftBenchReport
        {
            Aa = new AaRow(aa.Days, aa.PairsPerSecond, aa.Routes, aa.Pairs, aa.FalseDrift, aa.FalseWarning,
                aa.FalseDrift * 90 / Math.Max(1, aa.Days * aa.Routes), aa.FalseWarning * 7 / Math.Max(1, aa.Days * aa.Routes),
                [.. aa.Entries.Select(static e => $"{e.Key.Route} {e.Metric} {e.State} at day {e.At.TotalDays:F2}")]),
            Ab = ab,
            TrafficMix = mix,
            SlowDrift = new SlowDriftRow(1, 1, slow),
            LowTraffic = low,
            TradeOff = tradeOff,
            Settings = new SettingsRow(options.BucketDuration.TotalSeconds, options.FalseDriftInterval.TotalDays, options.FalseWarningInterval.TotalDays,
                options.DriftThreshold, options.WarningThreshold, options.NoiseMemory, options.NullBoundZ, 0.1, warmUp.TotalDays, reps),
        };
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.AppendLine("# Drift simulation").AppendLine()
            .AppendLine("The real `DriftTracker` on a fake clock with default settings, fed pairs the real comparer judged on simulator answers")
            .AppendLine("(pooled and resampled; A/A draws mirrored at random, see `ObservationPool`). Regenerate with `bench/run.sh drift`.").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Settings: {Settings.BucketSeconds:F0} s buckets; false-drift budget one per {Settings.FalseDriftIntervalDays:F0} days per key (evidence threshold {Settings.DriftThreshold:F2}), warnings one per {Settings.FalseWarningIntervalDays:F0} days ({Settings.WarningThreshold:F2}); noise floor remembers {Settings.NoiseMemory:N0} replicates, bounded at z = {Settings.NullBoundZ}; {Settings.ReplicateRate:P0} of pairs replicated; A/B changes after a {Settings.WarmUpDays:F0}-day A/A warm-up, {Settings.Reps} runs each.").AppendLine()
            .AppendLine("## A/A (no change)").AppendLine()
            .AppendLine("| days | pairs/s | routes | pairs | false drifts | false warnings | drifts per route per 90 days | warnings per route per week |")
            .AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|")
            .AppendLine(CultureInfo.InvariantCulture, $"| {Aa.Days} | {Aa.PairsPerSecond} | {Aa.Routes} | {Aa.Pairs:N0} | {Aa.FalseDrift} | {Aa.FalseWarning} | {Aa.FalseDriftPerRoutePer90Days:F2} | {Aa.FalseWarningPerRoutePerWeek:F2} |").AppendLine();
        foreach (var entry in Aa.Events)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- {entry}");
        }

        md.AppendLine().AppendLine("## A/B (a change after the warm-up): pairs on the route from the change to Drift").AppendLine()
            .AppendLine("| change | measured effect | metric | pairs/s | median | p90 | detected | false drifts before |")
            .AppendLine("|---|---|---|---:|---:|---:|---:|---:|");
        foreach (var row in Ab)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {row.Change} | {row.MeasuredEffect} | `{row.Metric}` | {row.PairsPerSecond} | {Show(row.MedianPairsToDetect)} | {Show(row.P90PairsToDetect)} | {row.Detected}/{row.Runs} | {row.FalseDriftsBefore} |");
        }

        md.AppendLine().AppendLine("## Traffic-mix change (A/A, math-heavy to chit-chat and code half way)").AppendLine();
        foreach (var row in TrafficMix)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- {row.PairsPerSecond} pair/s over {row.Days} days: {row.Drifts} drifts{(row.Events.Count > 0 ? ": " + string.Join(", ", row.Events) : "")}");
        }

        md.AppendLine().AppendLine("## Slow drift (answer disagreement +1 pt a day)").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"- at {SlowDrift.PairsPerSecond} pair/s: Drift after {(SlowDrift.DaysToDetect is { } d ? $"{d:F2} days (about +{d:F1} pt)" : "never")}").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"## Low traffic ({LowTrafficPairsPerDay:F0} pairs a day, after a 10-day warm-up)").AppendLine()
            .AppendLine("At about 4 pairs an hour the gateway's replicate floor (`MinNoiseReplicatesPerHour`, 10) replicates every pair, so the 100% row is the default gateway; the 10% rows show the rate alone.").AppendLine()
            .AppendLine("| change | replicated | median days | p90 days | detected within 60 days |").AppendLine("|---|---:|---:|---:|---:|");
        foreach (var row in LowTraffic)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {row.Change} | {row.ReplicateRate:P0} | {Show(row.MedianDaysToDetect)} | {Show(row.P90DaysToDetect)} | {row.Detected}/{row.Runs} |");
        }

        md.AppendLine().AppendLine("## Trade-off: budget and noise-floor bound against speed (disagreement +10 pt at 1 pair/s)").AppendLine()
            .AppendLine("The first row is the default. A shorter `Drift:FalseDriftInterval` pages sooner and more often for nothing; a lower `Drift:NullBoundZ` trusts the learnt noise floor more.").AppendLine()
            .AppendLine("| false drift at most once per | noise bound z | evidence threshold | median pairs | p90 pairs | detected |").AppendLine("|---:|---:|---:|---:|---:|---:|");
        foreach (var row in TradeOff)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {row.FalseDriftIntervalDays:0} days | {row.NullBoundZ} | {row.DriftThreshold:F2} | {Show(row.MedianPairsToDetect)} | {Show(row.P90PairsToDetect)} | {row.Detected}/{row.Runs} |");
        }

        return md.ToString();
    }

    private static string Show(double? value) => value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) : "not detected";

    internal sealed record AaRow(
        double Days, double PairsPerSecond, int Routes, long Pairs, int FalseDrift, int FalseWarning,
        double FalseDriftPerRoutePer90Days, double FalseWarningPerRoutePerWeek, IReadOnlyList<string> Events);

    internal sealed record AbRow(
        string Change, string Metric, string MeasuredEffect, double PairsPerSecond,
        [property: JsonPropertyName("median_pairs_to_detect")] double? MedianPairsToDetect,
        [property: JsonPropertyName("p90_pairs_to_detect")] double? P90PairsToDetect, int Detected, int Runs, int FalseDriftsBefore)
    {
        public static AbRow Of(DriftChange change, double rate, (long? Pairs, int FalseBefore)[] runs, DriftBenchmark benchmark)
        {
            // Undetected runs count as infinitely slow, so the median and p90 are honest about them.
            var sorted = runs.Select(static r => r.Pairs is { } p ? (double)p : double.PositiveInfinity).Order().ToList();
            double? Quantile(double q)
            {
                var value = sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
                return double.IsInfinity(value) ? null : value;
            }

            return new AbRow(change.Name, change.Metric, Effect(change, benchmark), rate, Quantile(0.5), Quantile(0.9),
                runs.Count(static r => r.Pairs is not null), runs.Length, runs.Sum(static r => r.FalseBefore));
        }

        private static string Effect(DriftChange change, DriftBenchmark benchmark)
        {
            var before = benchmark.Pool(change.Route, DriftChange.Baseline);
            var after = benchmark.Pool(change.Route, change.Primary);
            return change.Metric switch
            {
                DriftMetricNames.AnswerDisagreement => Points(Rate(before, DisagreementKind.Answer), Rate(after, DisagreementKind.Answer), "disagreement"),
                DriftMetricNames.ToolNameDisagreement => Points(Rate(before, DisagreementKind.ToolName), Rate(after, DisagreementKind.ToolName), "disagreement"),
                DriftMetricNames.LengthLogRatio => $"length ×{Math.Exp(after.Mean(static o => o.LengthLogRatio)) / Math.Exp(before.Mean(static o => o.LengthLogRatio)):F2}",
                DriftMetricNames.FreeTextSimilarity => $"similarity {before.Mean(static o => Similarity(o)):F3} → {after.Mean(static o => Similarity(o)):F3}",
                _ => Points(Flag(before, change.Metric), Flag(after, change.Metric), "primary rate"),
            };
        }

        private static double Rate(ObservationPool pool, DisagreementKind kind) =>
            pool.Mean(o => o.Disagreements.TryGetValue(kind, out var d) && d.Primary is { } p ? (p ? 1 : 0) : null);

        private static double? Similarity(PairObservation o) =>
            o.Similarities.TryGetValue(SimilarityKind.FreeText, out var s) ? s.Primary : null;

        private static double Flag(ObservationPool pool, string metric)
        {
            var flag = Enum.GetValues<DriftFlag>().Single(f => DriftFlags.MetricName(f) == metric);
            return pool.Mean(o => o.Flags.TryGetValue(flag, out var value) ? (value.Primary ? 1 : 0) : null);
        }

        private static string Points(double before, double after, string what) =>
            string.Create(CultureInfo.InvariantCulture, $"{what} {before:P1} → {after:P1} ({(after - before) * 100:+0.0;-0.0} pt)");
    }

    internal sealed record MixRow(double PairsPerSecond, double Days, int Drifts, IReadOnlyList<string> Events);

    internal sealed record SlowDriftRow(double PairsPerSecond, double PointsPerDay, double? DaysToDetect);

    internal sealed record TradeOffRow(
        string Change, double FalseDriftIntervalDays, double NullBoundZ, double DriftThreshold,
        [property: JsonPropertyName("median_pairs_to_detect")] double? MedianPairsToDetect,
        [property: JsonPropertyName("p90_pairs_to_detect")] double? P90PairsToDetect, int Detected, int Runs);

    internal sealed record LowTrafficRow(string Change, double PairsPerDay, double ReplicateRate, double? MedianDaysToDetect, double? P90DaysToDetect, int Detected, int Runs);

    internal sealed record SettingsRow(
        double BucketSeconds, double FalseDriftIntervalDays, double FalseWarningIntervalDays, double DriftThreshold, double WarningThreshold,
        int NoiseMemory, double NullBoundZ, double ReplicateRate, double WarmUpDays, int Reps);
}
