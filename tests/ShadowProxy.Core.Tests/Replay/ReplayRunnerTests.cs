using ShadowProxy.Core.Comparison;
using ShadowProxy.Core.Replay;

namespace ShadowProxy.Core.Tests.Replay;

public sealed class ReplayRunnerTests
{
    private const string Prompt = "Is it so? Answer \"[Yes]\" or \"[No]\".";

    private static IEnumerable<ReplayRecord> Records(int count, Func<int, string> baseline, Func<int, string> primary, Func<int, string?> reference)
    {
        for (var i = 0; i < count; i++)
        {
            var id = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            yield return new ReplayRecord { Model = "old", Id = id, Query = Prompt, Answer = baseline(i), RefAnswer = reference(i) };
            yield return new ReplayRecord { Model = "new", Id = id, Query = Prompt, Answer = primary(i), RefAnswer = reference(i) };
        }

        yield return new ReplayRecord { Model = "new", Id = "orphan", Answer = "x" };
    }

    private static ReplayReport Run(IEnumerable<ReplayRecord> records) =>
        new ReplayRunner(new PairComparer()).Run(records, new ReplayOptions { Baseline = "old", Primary = "new" }, cancellationToken: TestContext.Current.CancellationToken);

    [Fact]
    public void Run_PrimaryStartsAnsweringWrong_FlagsAccuracyAndMismatch()
    {
        var report = Run(Records(200, _ => "Reasoning... [Yes]", i => i % 2 == 0 ? "[Yes]" : "[No]", _ => "[Yes]"));

        Assert.Equal(200, report.Pairs);
        Assert.Equal(1, report.UnpairedRecords);
        var accuracy = report.Metric("accuracy")!;
        Assert.Equal((1.0, 0.5), (accuracy.Baseline, accuracy.Primary));
        Assert.True(accuracy.Drift);
        Assert.Equal(0.5, report.Metric("answer_mismatch")!.Primary);
        Assert.True(report.Metric("mean_length_chars")!.Drift);
        Assert.False(report.Metric("refusal_rate")!.Drift);
    }

    [Fact]
    public void Run_Length_UsesTheLiveMonitorsSignTest()
    {
        // 12 pairs longer, 3 shorter, 5 equal: the exact two-sided sign test on 15 non-zero differences gives
        // 2 × P(X ≤ 3 | n = 15, ½) = 2 × 576 / 32768 (the live monitor's length stream counts the same signs).
        var report = Run(Records(20, _ => "[Yes] because", i => i < 12 ? "[Yes] because of it" : i < 15 ? "[Yes]" : "[Yes] because", _ => "[Yes]"));

        var length = report.Metric("mean_length_chars")!;
        Assert.Equal("sign", length.Test);
        Assert.Equal(2.0 * 576 / 32768, length.PValue, 12);
    }

    [Fact]
    public void Run_IdenticalAnswers_FlagsNothing()
    {
        var report = Run(Records(100, i => i % 3 == 0 ? "[No]" : "[Yes]", i => i % 3 == 0 ? "[No]" : "[Yes]", _ => "Yes"));

        Assert.All(report.Metrics, metric => Assert.False(metric.Drift, metric.Name));
        Assert.Equal(0, report.Metric("answer_mismatch")!.Primary);
        Assert.Equal(0.66, report.Metric("accuracy")!.Primary, 10);
    }

    [Fact]
    public void Run_NoReferences_OmitsAccuracy()
    {
        var report = Run(Records(10, _ => "a", _ => "b", _ => null));

        Assert.Null(report.Metric("accuracy"));
        Assert.NotNull(report.Metric("no_answer_rate"));
    }

    [Fact]
    public void Run_JsonAnswers_ReportsJsonValidRate()
    {
        var report = Run(Records(60, _ => """{"ok":true}""", _ => "```json\n{\"ok\":true}\n```", _ => null));

        var json = report.Metric("json_valid_rate")!;
        Assert.Equal((1.0, 0.0), (json.Baseline, json.Primary));
        Assert.True(json.Drift);
        Assert.Equal(0, report.Metric("answer_mismatch")!.Primary);
    }
}
