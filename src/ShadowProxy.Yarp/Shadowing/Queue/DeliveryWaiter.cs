using System.Threading.Channels;
using ShadowProxy.Yarp.Shadowing.Capture;

namespace ShadowProxy.Yarp.Shadowing.Queue;

/// <summary>
/// Lets the one dispatcher loop wait until a given number of exchanges is delivered, woken by the delivery itself
/// rather than by polling the queue on a timer: each poll woke a timer thread, a pool thread and a worker, which cost
/// more at light sampling than gathering saved.
/// </summary>
internal sealed class DeliveryWaiter
{
    private Pending? _pending;

    /// <summary>
    /// Completes once <paramref name="delivered"/> holds at least <paramref name="count"/> exchanges, or when
    /// <paramref name="cancellationToken"/> is cancelled; never throws for the cancellation.
    /// </summary>
    public async Task WaitAsync(ChannelReader<ShadowExchange> delivered, int count, CancellationToken cancellationToken)
    {
        var pending = new Pending(count);
        // A full fence before the count is read: a delivery racing with this either sees the waiter or is counted.
        Interlocked.Exchange(ref _pending, pending);
        try
        {
            if (delivered.Count < count)
            {
                await pending.Done.Task.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
        finally
        {
            Interlocked.CompareExchange(ref _pending, null, pending);
        }
    }

    /// <summary>Called after each delivery to <paramref name="delivered"/>; reads its count only while someone waits.</summary>
    public void OnDelivered(ChannelReader<ShadowExchange> delivered)
    {
        if (Volatile.Read(ref _pending) is { } pending && delivered.Count >= pending.Count)
        {
            pending.Done.TrySetResult();
        }
    }

    private sealed class Pending(int count)
    {
        public int Count { get; } = count;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
