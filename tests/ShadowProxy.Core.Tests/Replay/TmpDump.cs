using ShadowProxy.Core.Comparison;
using ShadowProxy.Core.Replay;

namespace ShadowProxy.Core.Tests.Replay;

public sealed class TmpDump
{
    [Fact]
    public void Dump()
    {
        var sb = new System.Text.StringBuilder();
        foreach (var (f, b, p) in new[] { ("PRIME_FULL_EVAL.csv", "gpt-4-0314", "gpt-4-0613"), ("PRIME_FULL_EVAL.csv", "gpt-3.5-turbo-0301", "gpt-3.5-turbo-0613"), ("LEETCODE_EASY_EVAL.csv", "gpt-4-0314", "gpt-4-0613"), ("LEETCODE_EASY_EVAL.csv", "gpt-3.5-turbo-0301", "gpt-3.5-turbo-0613") })
        {
            var sw = System.Diagnostics.Stopwatch.StartNew();
            var report = new ReplayRunner(new PairComparer()).Run(ReplayFileReader.Read(LlmDriftData.File(f)), new ReplayOptions { Baseline = $"openaichat/{b}", Primary = $"openaichat/{p}" }, cancellationToken: TestContext.Current.CancellationToken);
            sb.AppendLine(f + " " + sw.ElapsedMilliseconds + "ms");
            sb.AppendLine(ReplayReportWriter.Render(report, ReplayReportFormat.Table));
        }
        File.WriteAllText("/tmp/replay.txt", sb.ToString());
    }
}
