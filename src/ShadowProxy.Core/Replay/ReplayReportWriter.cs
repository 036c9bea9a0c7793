namespace ShadowProxy.Core.Replay;

internal static class ReplayReportWriter
{
    public static string Render(ReplayReport report, ReplayReportFormat format)
    {
        ArgumentNullException.ThrowIfNull(report);
        return format switch
        {
            ReplayReportFormat.Json => ReplayJsonRenderer.Render(report),
            ReplayReportFormat.Markdown => ReplayMarkdownRenderer.Render(report),
            _ => ReplayTableRenderer.Render(report),
        };
    }

    public static void Write(ReplayReport report, ReplayReportFormat format, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Render(report, format));
    }
}
