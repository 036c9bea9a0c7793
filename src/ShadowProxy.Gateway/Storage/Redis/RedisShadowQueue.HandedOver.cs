using System.Collections.Concurrent;
using ShadowProxy.Gateway.Shadowing.Accounting;
using ShadowProxy.Gateway.Shadowing.Dispatch;
using StackExchange.Redis;

namespace ShadowProxy.Gateway.Storage.Redis;

/// <summary>
/// What this process put on the stream that nobody has settled yet. Workers settle a pair (the ledger mark) before
/// they delete its entry, so an entry that is gone without a mark was lost with Redis (a restart without
/// persistence, an eviction) or trimmed by <see cref="RedisOptions.StreamMaxLength"/>. Past a deadline (the route's
/// baseline timeout plus <see cref="RedisOptions.ClaimIdleAfter"/>, so a worker still holding the job finishes it
/// first) the queuing process settles the pair itself and counts it <c>dropped_lost</c>: sampled = outcomes holds
/// even when Redis loses data.
/// A pair settled within one check of Redis losing everything may still be counted twice; that window is
/// <see cref="WatchEvery"/>.
/// </summary>
internal sealed partial class RedisShadowQueue
{
    private const int MaxHandedOver = 100_000;
    private static readonly TimeSpan WatchEvery = TimeSpan.FromMilliseconds(500);
    private readonly ConcurrentDictionary<string, (string RouteId, RedisValue EntryId, DateTimeOffset LostAfter)> _handedOver = new(StringComparer.Ordinal);

    private void HandedOver(string routeId, string pairId, RedisValue entryId, TimeSpan baselineTimeout)
    {
        // Past the bound a job is no longer watched: it is still counted by whichever worker settles it.
        if (_handedOver.Count < MaxHandedOver)
        {
            _handedOver[pairId] = (routeId, entryId, time.GetUtcNow() + baselineTimeout + options.Value.ClaimIdleAfter);
        }
    }

    private async Task WatchHandedOverAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(WatchEvery, time, stoppingToken);
                if (!redis.IsConnected || _handedOver.IsEmpty)
                {
                    continue;
                }

                try
                {
                    await CheckHandedOverAsync(stoppingToken);
                }
                catch (Exception e) when (e is RedisException or TimeoutException)
                {
                    LogRedisFailed(logger, "watch", e.Message);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Host shutdown: the rest is settled by the workers, or not known here any more.
        }
    }

    private async Task CheckHandedOverAsync(CancellationToken stoppingToken)
    {
        var jobs = _handedOver.ToArray();
        var batch = redis.Database.CreateBatch();
        var checks = jobs.Select(job => (
            Settled: batch.KeyExistsAsync(redis.Key(RedisPairLedger.MarkName(job.Key))),
            Entry: batch.StreamRangeAsync(StreamKey, job.Value.EntryId, job.Value.EntryId, 1))).ToList();
        batch.Execute();
        for (var i = 0; i < jobs.Length; i++)
        {
            var (pairId, (routeId, _, lostAfter)) = jobs[i];
            if (await checks[i].Settled)
            {
                _handedOver.TryRemove(pairId, out _);
            }
            else if ((await checks[i].Entry).Length == 0 && time.GetUtcNow() >= lostAfter)
            {
                // Gone without a mark. Settling it here keeps a late worker (one still holding it) from counting too.
                var claim = await ledger.TrySettleAsync(pairId, stoppingToken);
                if (claim == PairClaim.Unavailable)
                {
                    continue;
                }

                _handedOver.TryRemove(pairId, out _);
                if (claim == PairClaim.Won)
                {
                    LogLost(logger, routeId, pairId);
                    accounting.Outcome(routeId, ShadowOutcome.DroppedLost);
                }
            }
        }
    }

    [LoggerMessage(EventId = 7006, Level = LogLevel.Warning, Message = "Shadow job {PairId} for route {Route} left the stream without being compared (Redis lost it or the stream cap trimmed it); counted dropped_lost")]
    private static partial void LogLost(ILogger logger, string route, string pairId);
}
