using System.Globalization;
using ShadowProxy.Core.Drift.Tracking;
using StackExchange.Redis;

namespace ShadowProxy.Yarp.Storage.Redis;

/// <summary>
/// Drift windows merged across replicas: one hash per (key, bucket) grown with HINCRBY, and the key's first and last
/// bucket in a span hash. Buckets expire once they can no longer fall inside the window, so every replica evaluates
/// the same counts. Each key's sequential state is one string, saved only if unchanged since it was read
/// (WATCH-style condition), so replicas share verdicts and accepts. All of a key's keys carry its hash tag, so every
/// script and transaction stays in one Redis Cluster slot; the set of keys is registered once per key and bucket,
/// not on every pair.
/// </summary>
internal sealed partial class RedisDriftWindowStore(RedisConnection redis, DriftOptions options, ILogger<RedisDriftWindowStore> logger) : IDriftWindowStore
{
    /// <summary>
    /// KEYS: bucket hash, span hash. ARGV: field, delta pairs, then bucket index, TTL (ms) of the bucket.
    /// Returns 1 when the span moved (a new first or last bucket), so the caller registers the key.
    /// </summary>
    private const string AddScript = """
        local n = #ARGV
        for i = 1, n - 2, 2 do
          redis.call('HINCRBY', KEYS[1], ARGV[i], ARGV[i + 1])
        end
        local bucket = tonumber(ARGV[n - 1])
        local moved = 0
        local first = tonumber(redis.call('HGET', KEYS[2], 'first') or bucket + 1)
        if bucket < first then
          redis.call('HSET', KEYS[2], 'first', bucket)
          moved = 1
        end
        local last = tonumber(redis.call('HGET', KEYS[2], 'last') or bucket - 1)
        if bucket > last then
          redis.call('HSET', KEYS[2], 'last', bucket)
          moved = 1
        end
        redis.call('PEXPIRE', KEYS[1], ARGV[n])
        return moved
        """;

    /// <summary>The ids of every key with a window: touched when a key's span moves, at most once per bucket.</summary>
    private RedisKey RegistryKey => redis.Key("drift:keys");

    public async ValueTask AddAsync(DriftKey key, long bucketIndex, DriftBucket delta, CancellationToken cancellationToken = default)
    {
        var id = IdOf(key);
        var counts = delta.ToCounts();
        var args = new List<RedisValue>(counts.Count * 2 + 2);
        foreach (var (field, value) in counts)
        {
            args.Add(field);
            args.Add(value);
        }

        args.Add(bucketIndex);
        args.Add((long)(options.BucketDuration * (options.WindowBuckets + 1)).TotalMilliseconds);
        try
        {
            var moved = (long)await redis.Database.ScriptEvaluateAsync(AddScript, [BucketKey(id, bucketIndex), SpanKey(id)], [.. args]);
            if (moved == 1)
            {
                await redis.Database.SetAddAsync(RegistryKey, id);
            }
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
        var ids = (await redis.Database.SetMembersAsync(RegistryKey)).Select(static v => (string)v!).ToList();
        var batch = redis.Database.CreateBatch();
        var spans = ids.Select(id => batch.HashGetAsync(SpanKey(id), [(RedisValue)"first", (RedisValue)"last"])).ToList();
        batch.Execute();
        var keys = new List<DriftKeySpan>(ids.Count);
        for (var i = 0; i < ids.Count; i++)
        {
            var span = await spans[i];
            if (span[0].HasValue && span[1].HasValue)
            {
                keys.Add(new DriftKeySpan(KeyOf(ids[i]), (long)span[0], (long)span[1]));
            }
        }

        return keys;
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

    /// <summary>Deletes the key's window buckets, its span and its sequential state, then unregisters it.</summary>
    public async ValueTask ForgetAsync(DriftKeySpan span, CancellationToken cancellationToken = default)
    {
        var id = IdOf(span.Key);
        var buckets = new List<RedisKey>();
        for (var index = Math.Max(span.FirstBucket, span.LastBucket - options.WindowBuckets + 1); index <= span.LastBucket; index++)
        {
            buckets.Add(BucketKey(id, index));
        }

        buckets.Add(MonitorKey(id));
        buckets.Add(SpanKey(id));
        try
        {
            // One slot: the buckets, the state and the span all carry the key's tag.
            await redis.Database.KeyDeleteAsync([.. buckets]);
            await redis.Database.SetRemoveAsync(RegistryKey, id);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogLost(logger, span.Key.Route, e.Message);
        }
    }

    private RedisKey BucketKey(string id, long bucketIndex) => redis.TaggedKey("drift", id, bucketIndex.ToString(CultureInfo.InvariantCulture));

    private RedisKey SpanKey(string id) => redis.TaggedKey("drift", id, "span");

    private RedisKey MonitorKey(string id) => redis.TaggedKey("drift", id, "monitor");

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
