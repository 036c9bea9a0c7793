using System.Diagnostics;
using System.Globalization;
using ShadowProxy.LoadBench.Harness;
using ShadowProxy.LoadBench.Load;
using ShadowProxy.LoadBench.Systems;

namespace ShadowProxy.LoadBench.Soak;

/// <summary>
/// A long run of mixed traffic through `shadowproxy serve`, shadowing everything to a baseline that fails a share of
/// the time. The gateway runs alone on core 1, so its memory is its own; simulators and load share core 0.
/// </summary>
internal sealed class SoakCommand(SoakSettings settings, BenchLayout layout)
{
    private static readonly TimeSpan SampleEvery = TimeSpan.FromSeconds(10);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var work = Directory.CreateDirectory(Path.Combine(layout.RepoRoot, "artifacts", "bench", "soak")).FullName;
        await using var primary = await Simulator.StartAsync(layout, "soak-primary", work, ["--profile", "march"], cancellationToken);
        await using var baseline = await Simulator.StartAsync(
            layout, "soak-baseline", work, ["--profile", "march", "--seed", "2", "--fault-share", settings.FaultShare.ToString(CultureInfo.InvariantCulture)], cancellationToken);
        var context = new SystemContext(layout, work, 1, primary.Url, baseline.Url, baseline.Url, baseline.Url);
        await using var gateway = await ShadowProxyServe.StartAsync(context, 1, baseline.Url, cancellationToken, new Dictionary<string, string>
        {
            ["Shadowing__Routes__openai__CaptureEvidence"] = "true",
            ["Shadowing__Routes__openai__Baseline__Timeout"] = "00:00:10",
            // The March baseline takes about half a second per answer: enough concurrent calls to keep up with the
            // offered load (plus noise replicates and probes), or the queue fills and the run measures a backlog.
            ["Shadowing__Routes__openai__Baseline__MaxConcurrency"] = settings.BaselineConcurrency.ToString(CultureInfo.InvariantCulture),
            ["Shadowing__Workers"] = Math.Max(32, settings.BaselineConcurrency).ToString(CultureInfo.InvariantCulture),
            ["Probes__Routes__openai__Enabled"] = "true",
            ["Probes__Routes__openai__Interval"] = "00:00:10",
        });

        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var samples = new List<(double Seconds, double RssMiB)>();
        var clock = Stopwatch.StartNew();
        var load = new FixedRateLoad(client).RunAsync(gateway, SoakMix.All, "soak", settings.Rate, settings.Duration, cancellationToken);
        while (!load.IsCompleted)
        {
            samples.Add((clock.Elapsed.TotalSeconds, ProcessMeter.RssMiB(gateway.ProcessId!.Value)));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{clock.Elapsed:mm\\:ss}] gateway RSS {samples[^1].RssMiB:F0} MiB"));
            await Task.WhenAny(load, Task.Delay(SampleEvery, cancellationToken));
        }

        var result = await load;
        var accounting = await ShadowAccountingScrape.SettledAsync(client, gateway.AdminBase!, TimeSpan.FromSeconds(20), cancellationToken);
        var report = new SoakReport(settings, result, samples, accounting, ProcessMeter.PeakRssMiB(gateway.ProcessId!.Value));
        await report.WriteAsync(Path.Combine(layout.RepoRoot, settings.Output), cancellationToken);
        Console.WriteLine(report.Markdown());
        return result.Failed == 0 && accounting.Balanced ? 0 : 1;
    }
}
