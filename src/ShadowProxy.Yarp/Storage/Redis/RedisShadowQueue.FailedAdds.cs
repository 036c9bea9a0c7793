using System.Collections.Concurrent;
using ShadowProxy.Yarp.Shadowing.Accounting;
using ShadowProxy.Yarp.Shadowing.Dispatch;

namespace ShadowProxy.Yarp.Storage.Redis;

/// <summary>
/// An XADD that fails as Redis goes away may still have landed: its reply is what was lost. Counting it dropped at once
/// would count it twice if a worker later pairs it. So the pump keeps the pair id and, once Redis answers again,
/// settles the pair in the ledger itself: if it wins, no worker will count the job and it is counted dropped here;
/// if a worker settled it first, that worker's outcome stands.
/// </summary>
internal sealed partial class RedisShadowQueue
{
    private const int MaxFailedAdds = 100_000;
    private static readonly TimeSpan ResolveEvery = TimeSpan.FromMilliseconds(500);
    private readonly ConcurrentQueue<(string RouteId, string PairId)> _failedAdds = new();

    private void AddFailed(string routeId, string pairId)
    {
        // A Redis that stays away long enough to fill this: count the oldest as dropped rather than grow.
        while (_failedAdds.Count >= MaxFailedAdds && _failedAdds.TryDequeue(out var oldest))
        {
            accounting.Outcome(oldest.RouteId, ShadowOutcome.DroppedQueueFull);
        }

        _failedAdds.Enqueue((routeId, pairId));
    }

    private async Task ResolveFailedAddsAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(ResolveEvery, time, stoppingToken);
                while (redis.IsConnected && _failedAdds.TryPeek(out var failed))
                {
                    var claim = await ledger.TrySettleAsync(failed.PairId, stoppingToken);
                    if (claim == PairClaim.Unavailable)
                    {
                        break;
                    }

                    _failedAdds.TryDequeue(out _);
                    if (claim == PairClaim.Won)
                    {
                        accounting.Outcome(failed.RouteId, ShadowOutcome.DroppedQueueFull);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Host shutdown: what is still unresolved is counted below.
        }

        // Unresolved at shutdown: counted here; should one of them have landed after all, a worker may count it too.
        while (_failedAdds.TryDequeue(out var left))
        {
            accounting.Outcome(left.RouteId, ShadowOutcome.DroppedQueueFull);
        }
    }
}
