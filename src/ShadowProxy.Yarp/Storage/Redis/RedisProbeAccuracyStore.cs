using ShadowProxy.Core.Probes;
using ShadowProxy.Yarp.Probes;
using StackExchange.Redis;

namespace ShadowProxy.Yarp.Storage.Redis;

/// <summary>
/// Probe accuracy shared by every replica: one hash whose fields are route, model, suite and outcome, each counted
/// with HINCRBY. Probes come a few per route every few minutes, so one key is neither hot nor large.
/// </summary>
internal sealed partial class RedisProbeAccuracyStore(RedisConnection redis, ILogger<RedisProbeAccuracyStore> logger) : IProbeAccuracyStore
{
    private const char Separator = '\u001f';

    private RedisKey Key => redis.Key("probe-accuracy");

    public async Task RecordAsync(string route, string model, ProbeSuiteKind suite, bool primaryCorrect, bool baselineCorrect, CancellationToken cancellationToken)
    {
        var field = string.Join(Separator, route, model, ProbeSuites.NameOf(suite), ProbeSuiteAccuracy.Cell(primaryCorrect, baselineCorrect));
        try
        {
            await redis.Database.HashIncrementAsync(Key, field);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // The pair itself is recorded and counted; only this probe's grade is lost with Redis.
            LogLost(logger, route, e.Message);
        }
    }

    public async Task<IReadOnlyList<ProbeSuiteAccuracy>> SnapshotAsync(CancellationToken cancellationToken)
    {
        HashEntry[] entries;
        try
        {
            entries = await redis.Database.HashGetAllAsync(Key);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogUnavailable(logger, e.Message);
            return [];
        }

        var cells = new Dictionary<(string Route, string Model, ProbeSuiteKind Suite), long[]>();
        foreach (var entry in entries)
        {
            var parts = entry.Name.ToString().Split(Separator);
            if (parts.Length != 4 || !ProbeSuites.TryParse(parts[2], out var suite) || !int.TryParse(parts[3], out var cell) || cell is < 0 or > 3)
            {
                continue; // A field another version wrote: not this one's to read.
            }

            if (!cells.TryGetValue((parts[0], parts[1], suite), out var counts))
            {
                cells[(parts[0], parts[1], suite)] = counts = new long[4];
            }

            counts[cell] += (long)entry.Value;
        }

        return [.. cells.Select(static c => ProbeSuiteAccuracy.From(c.Key.Route, c.Key.Model, c.Key.Suite, c.Value))];
    }

    [LoggerMessage(EventId = 5301, Level = LogLevel.Warning, Message = "Probe grade on route {Route} not stored: Redis unavailable ({Reason})")]
    private static partial void LogLost(ILogger logger, string route, string reason);

    [LoggerMessage(EventId = 5302, Level = LogLevel.Warning, Message = "Probe accuracy unavailable: Redis unavailable ({Reason})")]
    private static partial void LogUnavailable(ILogger logger, string reason);
}
