using System.Diagnostics;
using System.Globalization;
using ShadowProxy.Core.Drift.Tracking;
using ShadowProxy.DriftBench.Simulation;

// bench/run.sh drift [--days 30] [--reps 10] [--out bench/results/drift] [--only aa,ab,mix,slow,low,tradeoff]
var arguments = args.Select((a, i) => (a, i)).Where(static p => p.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(p => p.a[2..], p => p.i + 1 < args.Length ? args[p.i + 1] : "", StringComparer.Ordinal);
var days = double.Parse(arguments.GetValueOrDefault("days", "30"), CultureInfo.InvariantCulture);
var reps = int.Parse(arguments.GetValueOrDefault("reps", "10"), CultureInfo.InvariantCulture);
var output = arguments.GetValueOrDefault("out", "bench/results/drift");
var only = arguments.GetValueOrDefault("only", "aa,ab,mix,slow,low,tradeoff").Split(',');

var clock = Stopwatch.StartNew();
var benchmark = new DriftBenchmark(poolSize: 50_000, new DriftOptions());
var report = await DriftBenchReport.RunAsync(benchmark, days, reps, message => Console.WriteLine($"[{clock.Elapsed:hh\\:mm\\:ss}] {message}"), only.Contains);
Directory.CreateDirectory(output);
await File.WriteAllTextAsync(Path.Combine(output, "report.json"), report.ToJson());
await File.WriteAllTextAsync(Path.Combine(output, "report.md"), report.ToMarkdown());
Console.WriteLine(report.ToMarkdown());
