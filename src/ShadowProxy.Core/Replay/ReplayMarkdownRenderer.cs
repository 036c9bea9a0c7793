using System.Globalization;
using System.Text;

namespace ShadowProxy.Core.Replay;

/// <summary>A GitHub-flavoured markdown table, for PR comments and job summaries.</summary>
internal static class ReplayMarkdownRenderer
{
    public static string Render(ReplayReport report)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"## Replay: `{report.Baseline}` → `{report.Primary}`").AppendLine().AppendLine();
        text.Append(CultureInfo.InvariantCulture, $"{report.Pairs} pairs, profile `{report.Profile}`.").AppendLine().AppendLine();
        AppendRow(text, ReplayValueFormat.Header);
        AppendRow(text, [.. ReplayValueFormat.Header.Select((_, i) => i == 0 ? "---" : "---:")]);
        foreach (var metric in report.Metrics)
        {
            var row = ReplayValueFormat.Row(metric);
            row[^1] = metric.Drift ? "**drift**" : string.Empty;
            AppendRow(text, row);
        }

        return text.ToString();
    }

    private static void AppendRow(StringBuilder text, string[] cells) =>
        text.Append("| ").AppendJoin(" | ", cells.Select(static c => c.Replace("|", "\\|", StringComparison.Ordinal))).Append(" |").AppendLine();
}
