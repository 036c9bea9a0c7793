using ShadowProxy.Core.Comparison;
using ShadowProxy.Core.Replay;

namespace ShadowProxy.Core.Tests.Replay;

public sealed class LlmDriftReplayTests
{
    private static ReplayReport Replay(string file, string baseline, string primary) =>
        new ReplayRunner(new PairComparer()).Run(
            ReplayFileReader.Read(LlmDriftData.File(file)),
            new ReplayOptions { Baseline = $"openaichat/{baseline}", Primary = $"openaichat/{primary}" },
            cancellationToken: TestContext.Current.CancellationToken);

    [Fact]
    public void Run_PrimeGpt4MarchToJune_ReproducesPaperFigures()
    {
        var report = Replay("PRIME_FULL_EVAL.csv", "gpt-4-0314", "gpt-4-0613");

        Assert.Equal(1000, report.Pairs);
        var accuracy = report.Metric("accuracy")!;
        Assert.Equal(0.840, accuracy.Baseline, 0.005);
        Assert.Equal(0.511, accuracy.Primary, 0.005);
        Assert.True(accuracy.Drift);
        var mismatch = report.Metric("answer_mismatch")!;
        Assert.Equal(0.626, mismatch.Primary, 0.005);
        Assert.True(mismatch.Drift);
        var length = report.Metric("mean_length_chars")!;
        Assert.Equal(638, length.Baseline, 638 * 0.02);
        Assert.Equal(4, length.Primary, 4 * 0.02 + 0.1);
        Assert.True(length.Drift);
    }

    [Fact]
    public void Run_PrimeGpt35MarchToJune_ReproducesPaperFigures()
    {
        var report = Replay("PRIME_FULL_EVAL.csv", "gpt-3.5-turbo-0301", "gpt-3.5-turbo-0613");

        var accuracy = report.Metric("accuracy")!;
        Assert.Equal(0.496, accuracy.Baseline, 0.005);
        Assert.Equal(0.762, accuracy.Primary, 0.005);
        Assert.True(accuracy.Drift);
        Assert.Equal(0.597, report.Metric("answer_mismatch")!.Primary, 0.005);
    }

    [Fact]
    public void Run_LeetCodeGpt4MarchToJune_FlagsCodeFences()
    {
        var report = Replay("LEETCODE_EASY_EVAL.csv", "gpt-4-0314", "gpt-4-0613");

        Assert.Equal(50, report.Pairs);
        var fences = report.Metric("code_fence_rate")!;
        Assert.True(fences.Baseline < 0.05, $"baseline fence rate {fences.Baseline}");
        Assert.True(fences.Primary > 0.5, $"primary fence rate {fences.Primary}");
        Assert.True(fences.Drift);
        Assert.Null(report.Metric("accuracy"));
    }

    [Fact]
    public void Run_PrimeGpt4_ReportsProgressToCompletion()
    {
        var seen = new List<ReplayProgress>();
        var progress = new SynchronousProgress<ReplayProgress>(seen.Add);
        new ReplayRunner(new PairComparer()).Run(
            ReplayFileReader.Read(LlmDriftData.File("PRIME_FULL_EVAL.csv")),
            new ReplayOptions { Baseline = "openaichat/gpt-4-0314", Primary = "openaichat/gpt-4-0613" },
            progress,
            TestContext.Current.CancellationToken);

        Assert.Equal(new ReplayProgress(1000, 1000), seen[^1]);
    }
}
