using System.Globalization;
using System.Text;

namespace ShadowProxy.Core.Replay;

/// <summary>Plain aligned columns for terminals.</summary>
internal static class ReplayTableRenderer
{
    public static string Render(ReplayReport report)
    {
        var rows = new List<string[]> { ReplayValueFormat.Header };
        rows.AddRange(report.Metrics.Select(ReplayValueFormat.Row));
        var widths = Enumerable.Range(0, ReplayValueFormat.Header.Length).Select(c => rows.Max(r => r[c].Length)).ToArray();

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{report.Baseline} -> {report.Primary}: {report.Pairs} pairs").AppendLine();
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++)
            {
                var cell = c == 0 ? row[c].PadRight(widths[c]) : row[c].PadLeft(widths[c]);
                text.Append(cell).Append(c < row.Length - 1 ? "  " : string.Empty);
            }

            text.AppendLine();
        }

        return text.ToString();
    }
}
