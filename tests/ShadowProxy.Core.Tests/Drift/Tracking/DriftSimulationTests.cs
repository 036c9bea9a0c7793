using System.Collections.Concurrent;
using ShadowProxy.Core.Drift.Tracking;
using ShadowProxy.Simulator.Profiles;

namespace ShadowProxy.Core.Tests.Drift.Tracking;

/// <summary>The tracker on traffic from the real simulator composer, judged by the real comparer.</summary>
public sealed class DriftSimulationTests
{
    private const int AaRuns = 300;
    private const int PairsPerRun = 300;
    private const int AbPairsPerRun = 1_400;
    private const int SwitchAtPair = 200;
    private const int AbRuns = 20;

    private static readonly string[] ExpectedDrift =
        [DriftMetricNames.AnswerDisagreement, DriftMetricNames.LengthLogRatio, DriftMetricNames.CodeFenced, DriftMetricNames.Refusal];

    /// <summary>More sampling randomness on every side: the primary disagrees as often as the baseline disagrees with itself.</summary>
    private static readonly SimulatorProfile Noisy = BuiltInProfiles.March with { Name = "noisy", TaskAccuracy = 0.55 };

    [Fact]
    public async Task Tracker_SameProfileOnBothSides_RarelyReportsDrift()
    {
        var drifted = new ConcurrentDictionary<int, string>();
        await Parallel.ForAsync(0, AaRuns, TestContext.Current.CancellationToken, async (run, _) =>
        {
            var reports = await SimulatedRun.RunAsync(1_000 + run, PairsPerRun, _ => BuiltInProfiles.March, BuiltInProfiles.March);
            var metrics = DriftedMetrics(reports);
            if (metrics.Count > 0)
            {
                drifted[run] = string.Join(",", metrics);
            }
        });

        var rate = (double)drifted.Count / AaRuns;
        var detail = string.Join("; ", drifted.OrderBy(d => d.Key).Select(d => $"run {d.Key}: {d.Value}"));
        TestContext.Current.TestOutputHelper?.WriteLine($"A/A: {drifted.Count}/{AaRuns} runs ({rate:P2}) of {PairsPerRun} pairs had a metric in Drift. {detail}");
        Assert.True(rate < 0.01, $"{rate:P2} of A/A runs drifted: {detail}");
    }

    [Fact]
    public async Task Tracker_PrimarySwitchesToJune_DetectsDriftNearTheSwitch()
    {
        var switchBucket = SimulatedRun.PairTime(SwitchAtPair);
        var detections = new ConcurrentBag<(string Metric, long PairsSinceSwitch, TimeSpan? ChangeOffset)>();
        await Parallel.ForAsync(0, AbRuns, TestContext.Current.CancellationToken, async (run, _) =>
        {
            var reports = await SimulatedRun.RunAsync(
                5_000 + run, AbPairsPerRun, pair => pair < SwitchAtPair ? BuiltInProfiles.March : BuiltInProfiles.June, BuiltInProfiles.March);
            var final = reports[^1].Keys.Single();
            // Each metric as reported when it entered Drift: where the change began is judged at the alarm.
            var alarms = final.Metrics.Where(m => m.State == DriftState.Drift)
                .Select(m => reports.SelectMany(r => r.Keys.Single().Metrics).First(x => x.Name == m.Name && x.State == DriftState.Drift));
            foreach (var metric in alarms)
            {
                detections.Add((metric.Name, (long)((metric.FirstDriftAt!.Value - switchBucket).TotalMinutes * SimulatedRun.PairsPerBucket), metric.ChangeStartedAt - switchBucket));
            }

            Assert.All(ExpectedDrift, name => Assert.Equal(DriftState.Drift, final.Metrics.Single(m => m.Name == name).State));
            Assert.DoesNotContain(reports.Take((SwitchAtPair / SimulatedRun.PairsPerBucket) - 1), r => r.Keys[0].State == DriftState.Drift);
        });

        foreach (var metric in detections.GroupBy(d => d.Metric).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var pairs = metric.Select(d => d.PairsSinceSwitch).Order().ToList();
            var offsets = metric.Where(d => d.ChangeOffset is not null).Select(d => d.ChangeOffset!.Value.TotalMinutes).Order().ToList();
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"A/B {metric.Key}: drift in {metric.Count()}/{AbRuns} runs; pairs after the switch to detect: median {pairs[pairs.Count / 2]}, " +
                $"range {pairs[0]}–{pairs[^1]}; change start minus switch (min): median {(offsets.Count > 0 ? offsets[offsets.Count / 2] : double.NaN)}, " +
                $"range {(offsets.Count > 0 ? $"{offsets[0]}–{offsets[^1]}" : "n/a")}");
        }

        // Lengths change sharply and locate to the bucket; disagreement on ~5 decided pairs a bucket is noisier.
        Assert.All(detections.Where(d => d.Metric == DriftMetricNames.LengthLogRatio), d => Assert.Equal(TimeSpan.Zero, d.ChangeOffset));
        var disagreement = detections.Where(d => d.Metric == DriftMetricNames.AnswerDisagreement).Select(d => d.ChangeOffset).ToList();
        Assert.Equal(AbRuns, disagreement.Count);
        Assert.True(disagreement.Count(o => o is { } offset && offset.Duration() <= TimeSpan.FromMinutes(3)) >= AbRuns / 2);
    }

    [Fact]
    public async Task Tracker_DisagreementAtTheNoiseFloor_IsNotDrift()
    {
        var reports = await SimulatedRun.RunAsync(77, PairsPerRun, _ => Noisy, Noisy);
        var final = reports[^1].Keys.Single();
        var disagreement = final.Metrics.Single(m => m.Name == DriftMetricNames.AnswerDisagreement);

        Assert.InRange(final.Disagreement.Rate, 0.3, 0.7);
        Assert.InRange(final.NoiseFloor.Rate, 0.3, 0.7);
        Assert.Empty(DriftedMetrics(reports));
        Assert.Equal(DriftState.Ok, disagreement.State);
    }

    [Fact]
    public async Task Tracker_DisagreementWithoutReplicates_StaysWarmingUp_AndNeverWarns()
    {
        var reports = await SimulatedRun.RunAsync(77, PairsPerRun, _ => BuiltInProfiles.June, BuiltInProfiles.March, withReplicate: false);

        var disagreement = reports.Select(r => r.Keys.Single().Metrics.Single(m => m.Name == DriftMetricNames.AnswerDisagreement)).ToList();
        Assert.All(disagreement, m => Assert.Equal(DriftState.WarmingUp, m.State));
        Assert.Equal(DriftMetricReport.LearningNoiseNote, disagreement[^1].Note);
        // Paired flags need no noise floor: the June primary's fences are caught all the same.
        Assert.Equal(DriftState.Drift, reports[^1].Keys.Single().Metrics.Single(m => m.Name == DriftMetricNames.CodeFenced).State);
    }

    private static List<string> DriftedMetrics(IReadOnlyList<DriftReport> reports) =>
        [.. reports.SelectMany(r => r.Keys).SelectMany(k => k.Metrics).Where(m => m.State == DriftState.Drift).Select(m => m.Name).Distinct()];
}
