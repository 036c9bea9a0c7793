using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using ShadowProxy.Yarp.Shadowing.Dispatch;
using StackExchange.Redis;

namespace ShadowProxy.Yarp.Storage.Redis;

/// <summary>
/// `SET pair:{id}:done {owner} NX EX`: the first delivery of a pair to settle it wins; re-deliveries count nothing.
/// When Redis drops the connection, the SET may have landed although its reply was lost. The job then stays
/// pending, and so that its redelivery is not taken for a second settlement (leaving the pair with no outcome at all),
/// this process remembers the pairs it could not confirm and claims them when the mark it finds is its own.
/// </summary>
internal sealed partial class RedisPairLedger(RedisConnection redis, IOptions<RedisOptions> options, ILogger<RedisPairLedger> logger) : IPairLedger
{
    private const int MaxUnconfirmed = 10_000;
    private readonly string _owner = Guid.NewGuid().ToString("N");
    private readonly ConcurrentDictionary<string, DateTimeOffset> _unconfirmed = new(StringComparer.Ordinal);

    /// <summary>The settle mark of a pair (set before a worker deletes its stream entry).</summary>
    public static string MarkName(string pairId) => $"pair:{pairId}:done";

    public async ValueTask<PairClaim> TrySettleAsync(string pairId, CancellationToken cancellationToken)
    {
        var key = redis.Key(MarkName(pairId));
        try
        {
            if (await redis.Database.StringSetAsync(key, _owner, options.Value.DoneMarkTtl, When.NotExists))
            {
                _unconfirmed.TryRemove(pairId, out _);
                return PairClaim.Won;
            }

            // Ours only if an earlier attempt of this process wrote it and never learned so (and so never counted it).
            var mine = _unconfirmed.TryRemove(pairId, out _) && await redis.Database.StringGetAsync(key) == _owner;
            return mine ? PairClaim.Won : PairClaim.AlreadySettled;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            Remember(pairId);
            LogUnavailable(logger, e.Message);
            return PairClaim.Unavailable;
        }
    }

    private void Remember(string pairId)
    {
        if (_unconfirmed.Count >= MaxUnconfirmed)
        {
            // Jobs another worker took over never come back here; forget the oldest half rather than grow.
            foreach (var stale in _unconfirmed.OrderBy(p => p.Value).Take(MaxUnconfirmed / 2))
            {
                _unconfirmed.TryRemove(stale.Key, out _);
            }
        }

        _unconfirmed[pairId] = DateTimeOffset.UtcNow;
    }

    [LoggerMessage(EventId = 7011, Level = LogLevel.Debug, Message = "Pair ledger unavailable, job left pending: {Error}")]
    private static partial void LogUnavailable(ILogger logger, string error);
}
