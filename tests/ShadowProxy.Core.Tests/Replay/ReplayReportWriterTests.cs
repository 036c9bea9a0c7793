using System.Text.Json;
using ShadowProxy.Core.Replay;

namespace ShadowProxy.Core.Tests.Replay;

public sealed class ReplayReportWriterTests
{
    private static readonly ReplayReport Report = new()
    {
        Baseline = "openaichat/gpt-4-0314",
        Primary = "openaichat/gpt-4-0613",
        Pairs = 1000,
        Metrics =
        [
            new ReplayMetric("accuracy", 0.84, 0.511, -0.329, 1e-40, Drift: true, 0.48, 0.54) { N = 1000, AdjustedPValue = 2e-40, Test = "mcnemar" },
            new ReplayMetric("mean_length_chars", 638.3, 3.9, -634.4, 0.001, Drift: false) { N = 1000, AdjustedPValue = 0.002, IsRate = false, Test = "wilcoxon" },
        ],
    };

    [Fact]
    public void Render_Json_HasSnakeCaseShape()
    {
        using var document = JsonDocument.Parse(ReplayReportWriter.Render(Report, ReplayReportFormat.Json));
        var root = document.RootElement;

        Assert.Equal(1000, root.GetProperty("pairs").GetInt32());
        Assert.Equal("openaichat/gpt-4-0314", root.GetProperty("baseline").GetString());
        Assert.Equal("openaichat/gpt-4-0613", root.GetProperty("primary").GetString());
        var accuracy = root.GetProperty("metrics")[0];
        Assert.Equal("accuracy", accuracy.GetProperty("name").GetString());
        Assert.Equal(0.84, accuracy.GetProperty("baseline").GetDouble());
        Assert.Equal(0.511, accuracy.GetProperty("primary").GetDouble());
        Assert.Equal(-0.329, accuracy.GetProperty("delta").GetDouble());
        Assert.Equal(1e-40, accuracy.GetProperty("p_value").GetDouble());
        Assert.True(accuracy.GetProperty("drift").GetBoolean());
        Assert.Equal(0.48, accuracy.GetProperty("ci_low").GetDouble());
        Assert.False(root.GetProperty("metrics")[1].TryGetProperty("ci_low", out _));
    }

    [Fact]
    public void Render_Markdown_IsATableWithDriftMarked()
    {
        var markdown = ReplayReportWriter.Render(Report, ReplayReportFormat.Markdown);
        var lines = markdown.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.StartsWith("## Replay: `openaichat/gpt-4-0314` → `openaichat/gpt-4-0613`", lines[0], StringComparison.Ordinal);
        Assert.Contains("| metric | baseline | primary |", markdown, StringComparison.Ordinal);
        Assert.Contains("| --- | ---: |", markdown, StringComparison.Ordinal);
        Assert.Contains("| accuracy | 84.0% | 51.1% | -32.9 pt | <1e-16 | [48.0%, 54.0%] | **drift** |", markdown, StringComparison.Ordinal);
        Assert.Contains("| mean_length_chars | 638.3 | 3.9 | -634.4 | 0.0020 |  |  |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Table_AlignsColumns()
    {
        var lines = ReplayReportWriter.Render(Report, ReplayReportFormat.Table).Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("openaichat/gpt-4-0314 -> openaichat/gpt-4-0613: 1000 pairs", lines[0]);
        Assert.Equal(lines[1].Length, lines[2].Length);
        Assert.Equal(lines[2].Length, lines[3].Length);
        Assert.EndsWith("DRIFT", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Write_TextWriter_WritesRenderedReport()
    {
        using var writer = new StringWriter();

        ReplayReportWriter.Write(Report, ReplayReportFormat.Json, writer);

        Assert.Equal(ReplayReportWriter.Render(Report, ReplayReportFormat.Json), writer.ToString());
    }
}
