using Microsoft.Extensions.Options;
using ShadowProxy.Gateway.Shadowing.Dispatch;
using StackExchange.Redis;

namespace ShadowProxy.Gateway.Storage.Redis;

/// <summary>`SET pair:{id}:done NX EX`: the first delivery of a pair to settle it wins; re-deliveries count nothing.</summary>
internal sealed partial class RedisPairLedger(RedisConnection redis, IOptions<RedisOptions> options, ILogger<RedisPairLedger> logger) : IPairLedger
{
    public async ValueTask<PairClaim> TrySettleAsync(string pairId, CancellationToken cancellationToken)
    {
        try
        {
            var won = await redis.Database.StringSetAsync(redis.Key($"pair:{pairId}:done"), 1, options.Value.DoneMarkTtl, When.NotExists);
            return won ? PairClaim.Won : PairClaim.AlreadySettled;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogUnavailable(logger, e.Message);
            return PairClaim.Unavailable;
        }
    }

    [LoggerMessage(EventId = 7011, Level = LogLevel.Debug, Message = "Pair ledger unavailable, job left pending: {Error}")]
    private static partial void LogUnavailable(ILogger logger, string error);
}
