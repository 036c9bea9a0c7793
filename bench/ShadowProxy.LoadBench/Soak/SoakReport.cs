using System.Globalization;
using System.Text;
using ShadowProxy.LoadBench.Load;

namespace ShadowProxy.LoadBench.Soak;

/// <summary>The soak's verdicts: primary errors, accounting, and whether the gateway's memory stayed flat.</summary>
internal sealed class SoakReport(
    SoakSettings settings, StageResult load, IReadOnlyList<(double Seconds, double RssMiB)> samples, ShadowAccountingScrape accounting, double peakRssMiB)
{
    /// <summary>Start-up, JIT and pools filling are not growth; the trend is read after this.</summary>
    private static readonly double WarmupSeconds = 120;

    public async Task WriteAsync(string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var csv = new StringBuilder("seconds,rss_mib\n");
        foreach (var (seconds, rss) in samples)
        {
            csv.AppendLine(CultureInfo.InvariantCulture, $"{seconds:F0},{rss:F1}");
        }

        await File.WriteAllTextAsync(Path.Combine(directory, "rss.csv"), csv.ToString(), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(directory, "README.md"), Markdown(), cancellationToken);
    }

    public string Markdown()
    {
        var steady = samples.Where(s => s.Seconds >= WarmupSeconds).ToList();
        if (steady.Count < 3)
        {
            steady = [.. samples];
        }

        var mid = steady.Count / 2;
        var firstHalf = steady.Take(mid).Average(s => s.RssMiB);
        var secondHalf = steady.Skip(mid).Average(s => s.RssMiB);
        var slopePerTenMinutes = Slope(steady) * 600;
        var mean = steady.Average(s => s.RssMiB);
        var flat = Math.Abs(slopePerTenMinutes) <= 0.05 * mean;
        var text = new StringBuilder();
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));
        Line($"# Soak: {settings.Duration.TotalSeconds:F0} s of mixed traffic at {settings.Rate} req/s, shadowing 100%, baseline fault share {settings.FaultShare}, baseline concurrency {settings.BaselineConcurrency}");
        Line($"");
        Line($"`bench/run.sh soak` — `shadowproxy serve` alone on core 1 (its own process, so the memory below is the gateway's only);");
        Line($"primary and baseline simulators (March profile) and the fixed-rate load on core 0. Evidence capture and canary probes on.");
        Line($"");
        Line($"- Requests: {load.Sent} sent, **{load.Failed} failed**; latency from intended send p50 {load.Latency.P50:F1} ms, p99 {load.Latency.P99:F1} ms, max {load.Latency.Max:F0} ms.");
        Line($"- Shadow accounting: {accounting.Sampled} sampled (requests and probes), {accounting.TotalOutcomes} outcomes — {(accounting.Balanced ? "balanced" : "**not balanced**")} ({string.Join(", ", accounting.Outcomes.OrderByDescending(o => o.Value).Select(o => $"{o.Key} {o.Value}"))}).");
        Line($"- Gateway RSS after {WarmupSeconds:F0} s warm-up: min {steady.Min(s => s.RssMiB):F0}, max {steady.Max(s => s.RssMiB):F0}, mean {mean:F0} MiB; first half {firstHalf:F0}, second half {secondHalf:F0} MiB; peak (VmHWM) {peakRssMiB:F0} MiB.");
        Line($"- Trend (least squares over the steady samples): {slopePerTenMinutes:+0.0;-0.0} MiB per 10 minutes — **{(flat ? "flat" : "growing")}** (flat means within ±5% of the mean per 10 minutes).");
        Line($"");
        Line($"Samples every 10 s in rss.csv.");
        return text.ToString();
    }

    private static double Slope(IReadOnlyList<(double Seconds, double RssMiB)> points)
    {
        var meanX = points.Average(p => p.Seconds);
        var meanY = points.Average(p => p.RssMiB);
        var covariance = points.Sum(p => (p.Seconds - meanX) * (p.RssMiB - meanY));
        var variance = points.Sum(p => (p.Seconds - meanX) * (p.Seconds - meanX));
        return variance == 0 ? 0 : covariance / variance;
    }
}
