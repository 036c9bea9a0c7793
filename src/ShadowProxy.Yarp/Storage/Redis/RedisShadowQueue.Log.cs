namespace ShadowProxy.Yarp.Storage.Redis;

internal sealed partial class RedisShadowQueue
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Debug, Message = "Redis {Command} failed: {Error}")]
    private static partial void LogRedisFailed(ILogger logger, string command, string error);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "Re-claimed {Count} shadow job(s) left pending by another worker")]
    private static partial void LogReclaimed(ILogger logger, int count);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Warning, Message = "Shadow job for route {Route} dropped: this worker has no shadow policy for it")]
    private static partial void LogUnknownRoute(ILogger logger, string route);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Warning, Message = "Unreadable shadow job {EntryId} acknowledged and dropped: {Error}")]
    private static partial void LogUnreadable(ILogger logger, string entryId, string error);

    [LoggerMessage(EventId = 7005, Level = LogLevel.Warning, Message = "Shadow job {EntryId} refused and deleted: not sealed with this deployment's Redis:PayloadKey (forged, altered, or written with another key)")]
    private static partial void LogForged(ILogger logger, string entryId);
}
