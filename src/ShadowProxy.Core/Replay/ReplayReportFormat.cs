namespace ShadowProxy.Core.Replay;

internal enum ReplayReportFormat
{
    Table,
    Json,
    Markdown,
}
