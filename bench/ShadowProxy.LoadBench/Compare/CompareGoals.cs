using System.Globalization;

namespace ShadowProxy.LoadBench.Compare;

/// <summary>The targets, checked against this run's medians; a goal whose systems did not run is left out.</summary>
internal static class CompareGoals
{
    private const string Off = "shadowproxy-off";
    private const string Ten = "shadowproxy-10";
    private const string Full = "shadowproxy-100";
    private const string Half = "small@50%";
    private const string Lightest = "small@25%";
    private const string SampleOff = "sample-off";
    private const string SampleTen = "sample-10";

    /// <summary>
    /// A light fixed rate offered to every system the CPU goals compare at once, each by its own load (together they
    /// get the 50% level): their CPU per request is then read over the same seconds of this VM, as the throughput
    /// pairs are.
    /// </summary>
    public const string Together = "small together";

    /// <summary>The systems the CPU goals compare, loaded together in the <see cref="Together"/> stage.</summary>
    public static IReadOnlyList<string> CpuSystems { get; } = [Off, Ten, Full, SampleOff, SampleTen];

    /// <summary>The throughput ratios the goals read, each measured side by side as well (system, reference).</summary>
    public static IReadOnlyList<(string System, string Reference)> ThroughputPairs { get; } =
        [(Off, "bare-yarp"), (Ten, Off), (Ten, "bare-yarp"), (Full, "bare-yarp"), (SampleTen, SampleOff)];

    public static IReadOnlyList<Goal> Evaluate(CompareSummary s)
    {
        var goals = new List<Goal>();
        void Ratio(string name, string system, string reference, double atLeast)
        {
            if (s.Has(system) && s.Has(reference))
            {
                var ratio = s.ThroughputRatio(system, reference);
                goals.Add(new Goal(name, F($"{ratio:F3}×"), F($"≥ {atLeast}×"), ratio >= atLeast));
            }
        }

        Ratio("throughput, shadowing off vs bare YARP", Off, "bare-yarp", 0.97);
        Ratio("throughput, 10% shadowing vs shadowing off", Ten, Off, 0.95);
        Ratio("throughput, 10% shadowing vs bare YARP", Ten, "bare-yarp", 0.9);
        Ratio("throughput, 100% shadowing (fast baseline) vs bare YARP", Full, "bare-yarp", 0.6);

        if (s.HasStage(Ten, Half))
        {
            var p50 = s.Added(Ten, Half, r => r.Latency.P50);
            var p99 = s.Added(Ten, Half, r => r.Latency.P99);
            goals.Add(new Goal("added p50 at 50% load, 10% shadowing", Ms(p50), "≤ 0.3 ms", p50 <= 0.3));
            goals.Add(new Goal("added p99 at 50% load, 10% shadowing", Ms(p99), "≤ 1 ms", p99 <= 1));
        }

        if (s.HasStage(Ten, StreamStage))
        {
            var ttft = s.Added(Ten, StreamStage, r => r.TimeToFirstToken!.P99);
            goals.Add(new Goal("added time to first token p99, 10% shadowing", Ms(ttft), "≤ 1 ms", ttft <= 1));
            var gap = s.Added(Ten, StreamStage, r => r.ChunkGap!.P50);
            var chunks = s.Added(Ten, StreamStage, r => r.ChunksPerStream);
            // Answers differ in length from request to request, so chunks per stream wander by a fraction either way.
            goals.Add(new Goal("chunk pacing: median gap and chunks per stream vs direct", F($"{gap:+0.000;-0.000;0.000} ms, {chunks:+0.0;-0.0;0.0} chunks"), "|gap| ≤ 0.25 ms, chunks within 1", Math.Abs(gap) <= 0.25 && Math.Abs(chunks) <= 1));
        }

        // Where the run loaded the CPU systems together, their CPU per request is read from that stage.
        var cpuStage = s.HasStage(Off, Together) ? Together : Lightest;
        if (s.HasStage(Off, cpuStage) && s.HasStage(Ten, cpuStage) && s.HasStage(Full, cpuStage))
        {
            // 10% of the requests shadowed may cost at most 15% of what shadowing all of them adds. Read at a light
            // fixed rate (the together stage, else the lightest level one at a time): the rule needs 100% to compare
            // every sample, and at 50% and 75% of capacity the 100% system's core nears or passes
            // Shadowing:MaxCpuUtilization, so it sheds and its CPU per request falls towards off's. Shedding by the
            // reference can only lower the allowance, never raise it.
            var (off, ten, full) = (s.StageCpuMsPerRequest(Off, cpuStage), s.StageCpuMsPerRequest(Ten, cpuStage), s.StageCpuMsPerRequest(Full, cpuStage));
            var limit = off + (0.15 * (full - off));
            goals.Add(new Goal($"CPU per request at {cpuStage}, 10% shadowing", F($"{ten:F4} ms (off {off:F4}, 100% {full:F4})"), F($"≤ off + 0.15 × (100% − off) = {limit:F4} ms"), ten <= limit));
        }

        if (s.Has(Off) && s.Has(Ten) && s.Has(SampleOff) && s.Has(SampleTen))
        {
            // The library costs what the executable costs: the same share of throughput and the same CPU for shadowing.
            var exe = s.ThroughputRatio(Ten, Off);
            var library = s.ThroughputRatio(SampleTen, SampleOff);
            goals.Add(new Goal("10% vs off throughput: library in the sample vs executable", F($"{library:F3}× vs {exe:F3}×"), "within 0.05", Math.Abs(library - exe) <= 0.05));
            var exeCpu = s.StageCpuMsPerRequest(Ten, cpuStage) - s.StageCpuMsPerRequest(Off, cpuStage);
            var libraryCpu = s.StageCpuMsPerRequest(SampleTen, cpuStage) - s.StageCpuMsPerRequest(SampleOff, cpuStage);
            goals.Add(new Goal($"CPU per request added by 10% shadowing at {cpuStage}: library vs executable", F($"{libraryCpu:F4} vs {exeCpu:F4} ms"), "within 0.01 ms", Math.Abs(libraryCpu - exeCpu) <= 0.01));
        }

        if (s.Has(Ten) && s.Has("nginx"))
        {
            var ratio = s.CpuMsPerRequest(Ten) / s.CpuMsPerRequest("nginx");
            goals.Add(new Goal("CPU per request, 10% shadowing vs nginx", F($"{ratio:F2}×"), "≤ 1.5×", ratio <= 1.5));
        }

        if (s.Has(Ten) && s.Has("portkey"))
        {
            var ratio = s.Throughput(Ten).Median / s.Throughput("portkey").Median;
            goals.Add(new Goal("throughput, 10% shadowing vs Portkey", F($"{ratio:F2}×"), "≥ 3×", ratio >= 3));
            if (s.HasStage("portkey", Half))
            {
                var ours = s.Added(Ten, Half, r => r.Latency.P99);
                var theirs = s.Added("portkey", Half, r => r.Latency.P99);
                goals.Add(new Goal("added p99 at 50% load vs Portkey's", F($"{ours:F3} vs {theirs:F3} ms"), "≤ ⅓", ours <= theirs / 3));
            }
        }

        if (s.Has(Full))
        {
            var peak = s.PeakRssMiB(Full);
            goals.Add(new Goal("peak RSS, 100% shadowing, sustained load", F($"{peak:F0} MiB"), "≤ 200 MB", peak * 1.048576 <= 200));
        }

        foreach (var variant in new[] { "shadowproxy-100-slow", "shadowproxy-100-dead" })
        {
            if (s.Has(variant) && s.Has(Full))
            {
                goals.Add(WithinNoise($"{variant}: throughput vs fast baseline", s.Throughput(variant), s.Throughput(Full), "req/s"));
                if (s.HasStage(variant, Half) && s.HasStage(Full, Half))
                {
                    goals.Add(WithinNoise($"{variant}: p99 at 50% load vs fast baseline", s.Latency(variant, Half, r => r.Latency.P99), s.Latency(Full, Half, r => r.Latency.P99), "ms", higherIsWorse: true));
                }
            }
        }

        return goals;
    }

    public const string StreamStage = "stream@20/s";

    /// <summary>
    /// "No change beyond run-to-run noise": the faulty variant's median is no worse than the fast variant's range over
    /// rounds, widened by 10% of its median (with one or two rounds the range alone is too narrow to mean noise).
    /// </summary>
    private static Goal WithinNoise(string name, Spread faulty, Spread fast, string unit, bool higherIsWorse = false)
    {
        var slack = Math.Abs(fast.Median) * 0.1;
        var met = higherIsWorse ? faulty.Median <= fast.Max + slack : faulty.Median >= fast.Min - slack;
        return new Goal(name, F($"{faulty.Median:G4} vs {fast.Median:G4} {unit} (fast range {fast.Min:G4}–{fast.Max:G4})"), "within noise", met);
    }

    private static string Ms(double value) => F($"{value:F3} ms");

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

}
