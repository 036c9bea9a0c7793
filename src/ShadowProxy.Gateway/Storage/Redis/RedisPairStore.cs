using System.Text.Json;
using Microsoft.Extensions.Options;
using ShadowProxy.Gateway.Admin;
using ShadowProxy.Gateway.Evidence;
using ShadowProxy.Gateway.Pairs;
using ShadowProxy.Gateway.Telemetry;
using StackExchange.Redis;

namespace ShadowProxy.Gateway.Storage.Redis;

/// <summary>
/// Evidence shared by every replica: each pair record under its own key with the evidence TTL, indexed by time in a
/// sorted set trimmed to <see cref="RedisOptions.MaxStoredPairs"/>.
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

    private RedisKey IndexKey => redis.Key("evidence:index");

    public async ValueTask OnPairAsync(PairRecord pair, CancellationToken cancellationToken)
    {
        try
        {
            var json = JsonSerializer.SerializeToUtf8Bytes(pair, RedisJsonContext.Default.PairRecord);
            var batch = redis.Database.CreateBatch();
            var writes = new Task[]
            {
                batch.StringSetAsync(PairKey(pair.PairId), json, evidence.Value.Ttl),
                batch.SortedSetAddAsync(IndexKey, pair.PairId, pair.StartedAt.ToUnixTimeMilliseconds()),
                batch.SortedSetRemoveRangeByRankAsync(IndexKey, 0, -options.Value.MaxStoredPairs - 1),
                batch.SortedSetRemoveRangeByScoreAsync(IndexKey, double.NegativeInfinity, Oldest().ToUnixTimeMilliseconds(), Exclude.Stop),
            };
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
        var ids = await redis.Database.SortedSetRangeByScoreAsync(IndexKey, since, until, Exclude.None, Order.Descending, 0, ScanLimit);
        var values = ids.Length == 0 ? [] : await redis.Database.StringGetAsync([.. ids.Select(id => PairKey(id!))]);
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

    [LoggerMessage(EventId = 7041, Level = LogLevel.Debug, Message = "Pair evidence for route {Route} not stored, Redis unavailable: {Error}")]
    private static partial void LogNotStored(ILogger logger, string route, string error);
}
