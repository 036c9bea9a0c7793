using ShadowProxy.LoadBench.Compare;
using ShadowProxy.LoadBench.Load;

namespace ShadowProxy.LoadBench.Tests;

public sealed class CompareSummaryTests
{
    private const string Half = "small@50%";

    [Fact]
    public void Added_PairsEachRoundWithDirectBeforeTakingTheMedian()
    {
        // Round 2 is slow for everyone (the machine, not the proxy); pairing by round cancels that out.
        var summary = Summary(
            stages:
            [
                Stage("direct", 1, Half, p99: 1.0), Stage("direct", 2, Half, p99: 9.0), Stage("direct", 3, Half, p99: 1.2),
                Stage("proxy", 1, Half, p99: 1.5), Stage("proxy", 2, Half, p99: 9.4), Stage("proxy", 3, Half, p99: 1.8),
            ]);

        Assert.Equal(0.5, summary.Added("proxy", Half, r => r.Latency.P99), precision: 9);
        Assert.Equal(1.8, summary.Latency("proxy", Half, r => r.Latency.P99).Median, precision: 9);
        Assert.Equal(9.4, summary.Latency("proxy", Half, r => r.Latency.P99).Max, precision: 9);
    }

    [Fact]
    public void PeakRss_IsTheHighestOfEveryPhaseAndRound()
    {
        var summary = Summary(
            saturation: [Saturation("proxy", 1, 1000, peak: 120), Saturation("proxy", 2, 1100, peak: 150)],
            memory: [new MemoryMeasurement("proxy", 0, 140)]);

        Assert.Equal(150, summary.PeakRssMiB("proxy"));
        Assert.Equal(1050, summary.Throughput("proxy").Median);
    }

    [Fact]
    public void ThroughputRatio_PairsEachRoundBeforeTakingTheMedian()
    {
        // The machine halves its speed in round 2; the ratio within each round is 0.9, 0.8 and 0.95 throughout.
        var summary = Summary(saturation:
        [
            Saturation("off", 1, 10_000), Saturation("off", 2, 5_000), Saturation("off", 3, 8_000),
            Saturation("ten", 1, 9_000), Saturation("ten", 2, 4_000), Saturation("ten", 3, 7_600),
        ]);

        Assert.Equal(0.9, summary.ThroughputRatio("ten", "off"), precision: 9);
        // Medians taken apart would give 7,600 / 8,000 = 0.95: round 2's slowdown lands on one side only.
        Assert.Equal(0.95, summary.Throughput("ten").Median / summary.Throughput("off").Median, precision: 9);
    }

    [Fact]
    public void ThroughputRatio_PrefersTheSideBySideRounds_OfThatPairOnly()
    {
        // One at a time the ratio scatters (0.6 and 1.2); side by side it holds at 0.94–0.96.
        var summary = Summary(
            saturation:
            [
                Saturation("off", 1, 10_000), Saturation("off", 2, 5_000), Saturation("bare-yarp", 1, 9_000), Saturation("bare-yarp", 2, 9_000),
                Saturation("ten", 1, 6_000), Saturation("ten", 2, 6_000),
            ],
            sideBySide:
            [
                SideBySide("ten", "off", 1, 4_700, 5_000), SideBySide("ten", "off", 2, 3_800, 4_000), SideBySide("ten", "off", 3, 4_800, 5_000),
            ]);

        Assert.Equal(0.95, summary.ThroughputRatio("ten", "off"), precision: 9);
        Assert.Equal(3, summary.SideBySide("ten", "off").Count);
        Assert.Empty(summary.SideBySide("off", "ten"));
        // A pair not measured side by side keeps the within-round ratio: 10,000 / 9,000 and 5,000 / 9,000.
        Assert.Equal(((10_000.0 / 9_000) + (5_000.0 / 9_000)) / 2, summary.ThroughputRatio("off", "bare-yarp"), precision: 9);
    }

    [Fact]
    public void CpuRule_IsReadAtTheLightestRate_WhereShadowingEverythingIsNotShed()
    {
        // At 75% the 100% system sheds and costs what off costs, which would leave 10% no allowance at all.
        var summary = Summary(stages:
        [
            Stage("shadowproxy-off", 1, "small@25%", 1, cpu: 0.50), Stage("shadowproxy-10", 1, "small@25%", 1, cpu: 0.52),
            Stage("shadowproxy-100", 1, "small@25%", 1, cpu: 0.80),
            Stage("shadowproxy-off", 1, "small@75%", 1, cpu: 0.33), Stage("shadowproxy-10", 1, "small@75%", 1, cpu: 0.34),
            Stage("shadowproxy-100", 1, "small@75%", 1, cpu: 0.33),
        ]);

        var goal = Assert.Single(CompareGoals.Evaluate(summary), g => g.Name.StartsWith("CPU per request at", StringComparison.Ordinal));

        Assert.Equal("CPU per request at small@25%, 10% shadowing", goal.Name);
        Assert.True(goal.Met, goal.Measured); // 0.52 ≤ 0.50 + 0.15 × 0.30 = 0.545
    }

    [Fact]
    public void CpuGoals_ReadTheTogetherStage_WhenTheRunHasIt()
    {
        // One at a time the 10% system landed on a slow moment of the VM; loaded together, the same moment hits all.
        var summary = Summary(
            saturation:
            [
                Saturation("shadowproxy-off", 1, 5_000), Saturation("shadowproxy-10", 1, 4_900),
                Saturation("sample-off", 1, 5_000), Saturation("sample-10", 1, 4_900),
            ],
            stages:
            [
                Stage("shadowproxy-off", 1, "small@25%", 1, cpu: 0.50), Stage("shadowproxy-10", 1, "small@25%", 1, cpu: 0.70),
                Stage("shadowproxy-100", 1, "small@25%", 1, cpu: 0.80),
                Stage("shadowproxy-off", 1, CompareGoals.Together, 1, cpu: 0.40), Stage("shadowproxy-10", 1, CompareGoals.Together, 1, cpu: 0.42),
                Stage("shadowproxy-100", 1, CompareGoals.Together, 1, cpu: 0.60),
                Stage("sample-off", 1, CompareGoals.Together, 1, cpu: 0.41), Stage("sample-10", 1, CompareGoals.Together, 1, cpu: 0.445),
            ]);

        var goals = CompareGoals.Evaluate(summary);
        var rule = Assert.Single(goals, g => g.Name.StartsWith("CPU per request at", StringComparison.Ordinal));
        var library = Assert.Single(goals, g => g.Name.StartsWith("CPU per request added", StringComparison.Ordinal));

        Assert.Equal($"CPU per request at {CompareGoals.Together}, 10% shadowing", rule.Name);
        Assert.True(rule.Met, rule.Measured); // 0.42 ≤ 0.40 + 0.15 × 0.20 = 0.43; one at a time 0.70 > 0.545
        Assert.False(library.Met, library.Measured); // the library adds 0.035 ms, the executable 0.02
    }

    [Fact]
    public void Goals_FollowTheMedians_AndSkipSystemsThatDidNotRun()
    {
        var summary = Summary(
            saturation:
            [
                Saturation("bare-yarp", 1, 10_000), Saturation("shadowproxy-off", 1, 9_800),
                Saturation("shadowproxy-10", 1, 8_000),
            ],
            stages:
            [
                Stage("direct", 1, Half, p99: 1.0, p50: 0.2), Stage("shadowproxy-10", 1, Half, p99: 2.5, p50: 0.4),
            ]);

        var goals = CompareGoals.Evaluate(summary).ToDictionary(g => g.Name);

        Assert.True(goals["throughput, shadowing off vs bare YARP"].Met);
        Assert.False(goals["throughput, 10% shadowing vs bare YARP"].Met);
        Assert.True(goals["added p50 at 50% load, 10% shadowing"].Met);
        Assert.False(goals["added p99 at 50% load, 10% shadowing"].Met);
        Assert.DoesNotContain(goals.Keys, name => name.Contains("Portkey", StringComparison.Ordinal) || name.Contains("nginx", StringComparison.Ordinal));
    }

    [Fact]
    public void FaultyBaselineVariant_IsWithinNoiseOnlyInsideTheFastRangePlusSlack()
    {
        static IReadOnlyDictionary<string, Goal> Goals(double slowThroughput) => CompareGoals.Evaluate(Summary(
            saturation:
            [
                Saturation("shadowproxy-100", 1, 5_000), Saturation("shadowproxy-100", 2, 5_400), Saturation("shadowproxy-100", 3, 5_200),
                Saturation("shadowproxy-100-slow", 1, slowThroughput),
            ])).ToDictionary(g => g.Name);

        const string Name = "shadowproxy-100-slow: throughput vs fast baseline";
        Assert.True(Goals(4_600)[Name].Met);
        Assert.False(Goals(4_400)[Name].Met);
    }

    private static CompareSummary Summary(
        SaturationMeasurement[]? saturation = null, StageMeasurement[]? stages = null, MemoryMeasurement[]? memory = null,
        SideBySideMeasurement[]? sideBySide = null) =>
        new(saturation ?? [], stages ?? [], memory ?? [], sideBySide);

    private static SideBySideMeasurement SideBySide(string system, string reference, int round, double systemPerSecond, double referencePerSecond) =>
        new(system, reference, round, new SaturationResult(systemPerSecond, 1, 0, 0.1, 0.45), new SaturationResult(referencePerSecond, 1, 0, 0.1, 0.45));

    private static SaturationMeasurement Saturation(string system, int round, double perSecond, double peak = 100) =>
        new(system, round, new SaturationResult(perSecond, (long)perSecond * 6, 0, 0.1, 0.9), peak);

    private static StageMeasurement Stage(string system, int round, string stage, double p99, double p50 = 0.1, double? cpu = null) =>
        new(system, round, new StageResult(stage, 100, 500, 0, new LatencyStats(500, p50, p99, p99 * 1.5, p99 * 2), cpu));
}
