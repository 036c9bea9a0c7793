using ShadowProxy.Yarp.Shadowing.Capture;

namespace ShadowProxy.Yarp.Shadowing.Dispatch;

internal sealed partial class BaselineDispatcher
{
    /// <summary>
    /// How long sparse exchanges wait for company. A job started alone pays its own wake-ups and runs on cold caches;
    /// at light sampling that costs several times what the comparison itself costs (the benchmark's CPU rule), while
    /// jobs started together share them. Drift is judged over hours, so a baseline call a second later changes
    /// nothing an operator sees.
    /// </summary>
    internal static readonly TimeSpan GatherWindow = TimeSpan.FromSeconds(1);

    /// <summary>
    /// One loop starts jobs in at most <paramref name="workers"/> slots at once, taking every delivered exchange while
    /// a slot is free. When the queue runs dry after a small batch, it pauses up to <see cref="GatherWindow"/> before
    /// it waits again, so the next arrivals start together. It never pauses while exchanges wait, and the delivery
    /// that makes a full batch (a slot each, at most a quarter of the queue) ends the pause: gathering must never be
    /// what makes the queue shed, nor what holds back a shared queue's backlog.
    /// </summary>
    private async Task RunBatchesAsync(int workers, CancellationToken stoppingToken)
    {
        using var slots = new SemaphoreSlim(workers, workers);
        var fullBatch = Math.Max(1, Math.Min(workers, queue.Capacity / 4));
        try
        {
            while (true)
            {
                await slots.WaitAsync(stoppingToken);
                ShadowExchange first;
                try
                {
                    first = await queue.DequeueAsync(stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    slots.Release();
                    throw;
                }

                _ = RunJobAsync(first, slots);
                var (started, ranDry) = StartDelivered(slots);
                if (ranDry && started + 1 < fullBatch)
                {
                    await GatherAsync(fullBatch, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Host shutdown: what is still queued is counted by StopAsync.
        }

        // Jobs in flight finish (within the shutdown grace) before this service counts as stopped.
        for (var i = 0; i < workers; i++)
        {
            await slots.WaitAsync(CancellationToken.None);
        }
    }

    /// <summary>Real time, not the injected clock: a scheduling pause, not something a test's clock should hold.</summary>
    private async Task GatherAsync(int fullBatch, CancellationToken stoppingToken)
    {
        using var window = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        window.CancelAfter(GatherWindow);
        await queue.WaitForDeliveredAsync(fullBatch, window.Token);
    }

    /// <summary>Starts delivered exchanges while slots are free; says how many, and whether the queue ran dry.</summary>
    private (int Started, bool RanDry) StartDelivered(SemaphoreSlim slots)
    {
        var started = 0;
        while (slots.Wait(0))
        {
            if (!queue.TryTakeDelivered(out var exchange))
            {
                slots.Release();
                return (started, true);
            }

            _ = RunJobAsync(exchange, slots);
            started++;
        }

        return (started, false);
    }

    private async Task RunJobAsync(ShadowExchange exchange, SemaphoreSlim slots)
    {
        try
        {
            using (exchange)
            {
                // In-flight work gets a grace period at shutdown rather than the stopping token itself.
                var (claim, outcome) = await SettleAsync(exchange, _abandon.Token);
                if (claim == PairClaim.Won)
                {
                    accounting.Outcome(exchange.Policy.RouteId, outcome);
                }

                await queue.CompleteAsync(exchange, settled: claim != PairClaim.Unavailable, CancellationToken.None);
            }
        }
#pragma warning disable CA1031 // Nobody awaits a job: a failure past SettleAsync is logged, and the slot is freed.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogJobFailed(logger, exchange.Policy.RouteId, exchange.PairId, e);
        }
        finally
        {
            slots.Release();
        }
    }

    [LoggerMessage(EventId = 3104, Level = LogLevel.Error, Message = "Shadow job for route {Route} pair {PairId} failed after it was settled")]
    private static partial void LogJobFailed(ILogger logger, string route, string pairId, Exception exception);
}
