using ShadowProxy.Core.Drift.Tracking;
using ShadowProxy.DriftBench.Simulation;

namespace ShadowProxy.Core.Tests.Drift.Tracking;

/// <summary>
/// A short run of the drift benchmark (`bench/run.sh drift`) with generous bounds: default settings, the real tracker
/// on a fake clock, pairs from the real comparer on simulator answers. The figures themselves come from the benchmark.
/// </summary>
public sealed class DriftBenchmarkTests
{
    private static readonly DriftBenchmark Benchmark = new(poolSize: 10_000, new DriftOptions());

    [Fact]
    public async Task AA_HalfADayOnSixRoutes_NoFalseDrift()
    {
        var result = await Benchmark.RunAaAsync(days: 0.5, pairsPerSecond: 1, seed: 11);

        TestContext.Current.TestOutputHelper?.WriteLine($"{result.Pairs:N0} pairs: {string.Join("; ", result.Entries)}");
        Assert.True(result.Pairs > 200_000);
        Assert.Equal(0, result.FalseDrift);
        Assert.True(result.FalseWarning <= 1, string.Join("; ", result.Entries));
    }

    [Theory]
    [InlineData("disagreement+10pt", 1_500)]
    [InlineData("length x2", 200)]
    [InlineData("code-fence+30pt", 400)]
    public async Task AB_AfterHalfADayOfAA_ChangeIsCaughtWithinTheBound(string change, long maxPairs)
    {
        var injected = DriftChange.All.Single(c => c.Name == change);
        var runs = new List<long?>();
        for (var seed = 0; seed < 3; seed++)
        {
            var (pairs, falseBefore) = await Benchmark.RunAbAsync(injected, 1, TimeSpan.FromHours(12), TimeSpan.FromHours(6), seed);
            Assert.Equal(0, falseBefore);
            runs.Add(pairs);
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{change}: pairs to detect {string.Join(", ", runs)}");
        Assert.All(runs, p => Assert.NotNull(p));
        Assert.InRange(runs.Order().ElementAt(1)!.Value, 1, maxPairs);
    }

    [Fact]
    public async Task TrafficMixChange_NeverDrifts()
    {
        var drifts = await Benchmark.RunTrafficMixChangeAsync(days: 1, pairsPerSecond: 1, seed: 5);

        Assert.Empty(drifts);
    }
}
