using System.Text.Json;
using Microsoft.Extensions.Options;
using ShadowProxy.Yarp.Admin;
using ShadowProxy.Yarp.Evidence;
using ShadowProxy.Yarp.Pairs;
using ShadowProxy.Yarp.Telemetry;
using StackExchange.Redis;

namespace ShadowProxy.Yarp.Storage.Redis;

/// <summary>
/// Evidence shared by every replica: each pair record under its own key with the evidence TTL, indexed by time in one
/// sorted set per route (trimmed to <see cref="RedisOptions.MaxStoredPairs"/>), so a Redis Cluster spreads routes
/// over its shards instead of sending every pair to one key. The routes with an index are a <see cref="RedisRouteSet"/>.
/// </summary>
internal sealed partial class RedisPairStore(
    RedisConnection redis,
    IOptions<EvidenceOptions> evidence,
    IOptions<RedisOptions> options,
    TimeProvider time,
    ILogger<RedisPairStore> logger) : IPairObserver, IPairStore
{
    /// <summary>Filters run over at most this many newest pairs, as the in-memory store holds at most 2,000.</summary>
    private const int ScanLimit = 2_000;

    private readonly RedisRouteSet _routes = new(redis, "evidence:routes", time);

    public async ValueTask OnPairAsync(PairRecord pair, CancellationToken cancellationToken)
    {
        try
        {
            var json = JsonSerializer.SerializeToUtf8Bytes(pair, RedisJsonContext.Default.PairRecord);
            var index = IndexKey(pair.RouteId);
            var batch = redis.Database.CreateBatch();
            var writes = new List<Task>
            {
                batch.StringSetAsync(PairKey(pair.PairId), json, evidence.Value.Ttl),
                batch.SortedSetAddAsync(index, pair.PairId, pair.StartedAt.ToUnixTimeMilliseconds()),
                batch.SortedSetRemoveRangeByRankAsync(index, 0, -options.Value.MaxStoredPairs - 1),
                batch.SortedSetRemoveRangeByScoreAsync(index, double.NegativeInfinity, Oldest().ToUnixTimeMilliseconds(), Exclude.Stop),
            };
            if (_routes.AddIfDue(batch, pair.RouteId) is { } registered)
            {
                writes.Add(registered);
            }

            batch.Execute();
            await Task.WhenAll(writes);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogNotStored(logger, pair.RouteId, e.Message);
        }
    }

    public async ValueTask<(long Total, IReadOnlyList<PairRecord> Items)> QueryAsync(PairQuery query, CancellationToken cancellationToken)
    {
        var since = Math.Max((query.Since ?? DateTimeOffset.MinValue).ToUnixTimeMilliseconds(), Oldest().ToUnixTimeMilliseconds());
        var until = query.Until?.ToUnixTimeMilliseconds() ?? double.PositiveInfinity;
        var routes = query.Route is { } only ? [only] : await _routes.MembersAsync();
        var reads = redis.Database.CreateBatch();
        var perRoute = routes.Select(r => reads.SortedSetRangeByScoreWithScoresAsync(IndexKey(r), since, until, Exclude.None, Order.Descending, 0, ScanLimit)).ToList();
        reads.Execute();
        var ids = (await Task.WhenAll(perRoute)).SelectMany(static entries => entries)
            .OrderByDescending(static e => e.Score).Take(ScanLimit).Select(static e => e.Element).ToList();
        // One GET per pair in a batch, not MGET: in a cluster the pairs live in different slots.
        var gets = redis.Database.CreateBatch();
        var pending = ids.Select(id => gets.StringGetAsync(PairKey(id!))).ToList();
        gets.Execute();
        var values = await Task.WhenAll(pending);
        var matches = values.Where(v => v.HasValue)
            .Select(v => JsonSerializer.Deserialize((byte[])v!, RedisJsonContext.Default.PairRecord)!)
            .Where(p => query.Route is null || p.RouteId == query.Route)
            .Where(p => query.Metric is null || PairApiMapper.MatchesMetric(p, query.Metric))
            .Where(p => query.Outcome is null || AgreementLabels.Of(p.Comparison.Agreement) == query.Outcome)
            .ToList();
        IReadOnlyList<PairRecord> page = [.. matches.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)];
        return (matches.Count, page);
    }

    public async ValueTask<PairRecord?> GetAsync(string pairId, CancellationToken cancellationToken)
    {
        var value = await redis.Database.StringGetAsync(PairKey(pairId));
        return value.HasValue ? JsonSerializer.Deserialize((byte[])value!, RedisJsonContext.Default.PairRecord) : null;
    }

    private DateTimeOffset Oldest() => time.GetUtcNow() - evidence.Value.Ttl;

    private RedisKey PairKey(string pairId) => redis.Key($"evidence:{pairId}");

    private RedisKey IndexKey(string route) => redis.TaggedKey("evidence", route, "index");

    [LoggerMessage(EventId = 7041, Level = LogLevel.Debug, Message = "Pair evidence for route {Route} not stored, Redis unavailable: {Error}")]
    private static partial void LogNotStored(ILogger logger, string route, string error);
}
