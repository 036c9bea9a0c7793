using System.Collections.Concurrent;
using ShadowProxy.Yarp.Shadowing.Accounting;
using ShadowProxy.Yarp.Shadowing.Dispatch;
using StackExchange.Redis;

namespace ShadowProxy.Yarp.Storage.Redis;

/// <summary>
/// What this process put on the stream that nobody has settled yet. Workers settle a pair (the ledger mark) before
/// they delete its entry, so an entry that is gone without a mark was lost with Redis (a restart without
/// persistence, an eviction) or trimmed by <see cref="RedisOptions.StreamMaxLength"/>. Past a deadline (the route's
/// baseline timeout plus <see cref="RedisOptions.ClaimIdleAfter"/>, so a worker still holding the job finishes it
/// first) the queuing process settles the pair itself and counts it <c>dropped_lost</c>: sampled = outcomes holds
/// even when Redis loses data. A job is checked again after as long as it has waited so far (between
/// <see cref="WatchEvery"/> and <see cref="MaxWatchInterval"/>), so a deep backlog costs few commands. A pair settled
/// less than one check interval before Redis lost everything may be counted twice: half a second for a job that
/// was compared at once, longer for one that waited long in the queue.
/// </summary>
internal sealed partial class RedisShadowQueue
{
    private const int MaxHandedOver = 100_000;
    private static readonly TimeSpan WatchEvery = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan MaxWatchInterval = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, HandedOverJob> _handedOver = new(StringComparer.Ordinal);

    private void HandedOver(string routeId, string pairId, RedisValue entryId, TimeSpan baselineTimeout)
    {
        // Past the bound a job is no longer watched: it is still counted by whichever worker settles it.
        if (_handedOver.Count < MaxHandedOver)
        {
            var now = time.GetUtcNow();
            _handedOver[pairId] = new HandedOverJob(routeId, entryId, now, now + baselineTimeout + options.Value.ClaimIdleAfter, now);
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
        var now = time.GetUtcNow();
        var jobs = _handedOver.Where(j => j.Value.NextCheck <= now).ToArray();
        if (jobs.Length == 0)
        {
            return;
        }

        var batch = redis.Database.CreateBatch();
        var checks = jobs.Select(job => (
            Settled: batch.KeyExistsAsync(redis.Key(RedisPairLedger.MarkName(job.Key))),
            Entry: batch.StreamRangeAsync(StreamKey, job.Value.EntryId, job.Value.EntryId, 1))).ToList();
        batch.Execute();
        for (var i = 0; i < jobs.Length; i++)
        {
            var (pairId, job) = jobs[i];
            var routeId = job.RouteId;
            var present = (await checks[i].Entry).Length > 0;
            if (await checks[i].Settled)
            {
                _handedOver.TryRemove(pairId, out _);
            }
            else if (present || now < job.LostAfter)
            {
                var wait = TimeSpan.FromTicks(Math.Clamp((now - job.HandedAt).Ticks, WatchEvery.Ticks, MaxWatchInterval.Ticks));
                _handedOver.TryUpdate(pairId, job with { NextCheck = now + wait }, job);
            }
            else
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

    private sealed record HandedOverJob(string RouteId, RedisValue EntryId, DateTimeOffset HandedAt, DateTimeOffset LostAfter, DateTimeOffset NextCheck);

    [LoggerMessage(EventId = 7006, Level = LogLevel.Warning, Message = "Shadow job {PairId} for route {Route} left the stream without being compared (Redis lost it or the stream cap trimmed it); counted dropped_lost")]
    private static partial void LogLost(ILogger logger, string route, string pairId);
}
