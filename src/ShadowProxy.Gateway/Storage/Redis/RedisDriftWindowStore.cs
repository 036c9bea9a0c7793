using System.Globalization;
using ShadowProxy.Core.Drift.Tracking;
using StackExchange.Redis;

namespace ShadowProxy.Gateway.Storage.Redis;

/// <summary>
/// Drift windows merged across replicas: one hash per (key, bucket) grown with HINCRBY, and each key's first and last
/// bucket kept in two hashes. Buckets expire once they can no longer fall inside the window, so every replica
/// evaluates the same counts. Each key's sequential state is one string,
/// saved only if unchanged since it was read (WATCH-style condition), so replicas share verdicts and accepts.
/// </summary>
internal sealed partial class RedisDriftWindowStore(RedisConnection redis, DriftOptions options, ILogger<RedisDriftWindowStore> logger) : IDriftWindowStore
{
    /// <summary>ARGV: field, delta pairs, then key id, bucket index, TTL (ms) of the bucket.</summary>
    private const string AddScript = """
        local n = #ARGV
        for i = 1, n - 3, 2 do
          redis.call('HINCRBY', KEYS[1], ARGV[i], ARGV[i + 1])
        end
        local id = ARGV[n - 2]
        local bucket = tonumber(ARGV[n - 1])
        local first = tonumber(redis.call('HGET', KEYS[2], id) or bucket)
        if bucket <= first then
          first = bucket
          redis.call('HSET', KEYS[2], id, bucket)
        end
        local last = tonumber(redis.call('HGET', KEYS[3], id) or bucket)
        if bucket >= last then
          redis.call('HSET', KEYS[3], id, bucket)
        end
        redis.call('PEXPIRE', KEYS[1], ARGV[n])
        return 1
        """;

    private RedisKey FirstKey => redis.Key("drift:first");

    private RedisKey LastKey => redis.Key("drift:last");

    public async ValueTask AddAsync(DriftKey key, long bucketIndex, DriftBucket delta, CancellationToken cancellationToken = default)
    {
        var id = IdOf(key);
        var counts = delta.ToCounts();
        var args = new List<RedisValue>(counts.Count * 2 + 3);
        foreach (var (field, value) in counts)
        {
            args.Add(field);
            args.Add(value);
        }

        args.Add(id);
        args.Add(bucketIndex);
        args.Add((long)(options.BucketDuration * (options.WindowBuckets + 1)).TotalMilliseconds);
        try
        {
            await redis.Database.ScriptEvaluateAsync(AddScript, [BucketKey(id, bucketIndex), FirstKey, LastKey], [.. args]);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogLost(logger, key.Route, e.Message);
        }
    }

    public async ValueTask<IReadOnlyList<IndexedDriftBucket>> ReadAsync(DriftKey key, long fromBucket, long toBucket, CancellationToken cancellationToken = default)
    {
        var id = IdOf(key);
        var batch = redis.Database.CreateBatch();
        var reads = new List<Task<HashEntry[]>>();
        for (var index = fromBucket; index <= toBucket; index++)
        {
            reads.Add(batch.HashGetAllAsync(BucketKey(id, index)));
        }

        batch.Execute();
        var buckets = await Task.WhenAll(reads);
        return [.. buckets.Select((entries, offset) => (Index: fromBucket + offset, Entries: entries))
            .Where(b => b.Entries.Length > 0)
            .Select(b => new IndexedDriftBucket(b.Index, DriftBucket.FromCounts(b.Entries.Select(e => new KeyValuePair<string, long>(e.Name!, (long)e.Value)))))];
    }

    public async ValueTask<IReadOnlyList<DriftKeySpan>> KeysAsync(CancellationToken cancellationToken = default)
    {
        var firsts = await redis.Database.HashGetAllAsync(FirstKey);
        var lasts = (await redis.Database.HashGetAllAsync(LastKey)).ToDictionary(e => (string)e.Name!, e => (long)e.Value, StringComparer.Ordinal);
        return [.. firsts.Select(e => (Id: (string)e.Name!, First: (long)e.Value))
            .Select(e => new DriftKeySpan(KeyOf(e.Id), e.First, lasts.GetValueOrDefault(e.Id, e.First))),];
    }

    public async ValueTask<string?> LoadMonitorAsync(DriftKey key, CancellationToken cancellationToken = default) =>
        await redis.Database.StringGetAsync(MonitorKey(IdOf(key)));

    public async ValueTask<bool> TrySaveMonitorAsync(DriftKey key, string? expected, string monitor, CancellationToken cancellationToken = default)
    {
        var stateKey = MonitorKey(IdOf(key));
        var transaction = redis.Database.CreateTransaction();
        transaction.AddCondition(expected is null ? Condition.KeyNotExists(stateKey) : Condition.StringEqual(stateKey, expected));
        // Outlives an idle key by a day at most: ForgetAsync removes it with the buckets, this only catches strays.
        _ = transaction.StringSetAsync(stateKey, monitor, options.IdleKeyExpiry + TimeSpan.FromDays(1));
        return await transaction.ExecuteAsync();
    }

    /// <summary>Deletes the key's window buckets, its first/last marks and its sequential state.</summary>
    public async ValueTask ForgetAsync(DriftKeySpan span, CancellationToken cancellationToken = default)
    {
        var id = IdOf(span.Key);
        var buckets = new List<RedisKey>();
        for (var index = Math.Max(span.FirstBucket, span.LastBucket - options.WindowBuckets + 1); index <= span.LastBucket; index++)
        {
            buckets.Add(BucketKey(id, index));
        }

        buckets.Add(MonitorKey(id));
        try
        {
            var transaction = redis.Database.CreateTransaction();
            _ = transaction.KeyDeleteAsync([.. buckets]);
            _ = transaction.HashDeleteAsync(FirstKey, id);
            _ = transaction.HashDeleteAsync(LastKey, id);
            await transaction.ExecuteAsync();
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogLost(logger, span.Key.Route, e.Message);
        }
    }

    private RedisKey BucketKey(string id, long bucketIndex) => redis.Key($"drift:{id}:{bucketIndex.ToString(CultureInfo.InvariantCulture)}");

    private RedisKey MonitorKey(string id) => redis.Key($"drift:{id}:monitor");

    private static string IdOf(DriftKey key) =>
        $"{Uri.EscapeDataString(key.Route)}|{Uri.EscapeDataString(key.PrimaryModel)}|{Uri.EscapeDataString(key.BaselineModel)}";

    private static DriftKey KeyOf(string id)
    {
        var parts = id.Split('|');
        return new DriftKey(Uri.UnescapeDataString(parts[0]), Uri.UnescapeDataString(parts[1]), Uri.UnescapeDataString(parts[2]));
    }

    [LoggerMessage(EventId = 7031, Level = LogLevel.Debug, Message = "Drift counts for route {Route} not stored, Redis unavailable: {Error}")]
    private static partial void LogLost(ILogger logger, string route, string error);
}
