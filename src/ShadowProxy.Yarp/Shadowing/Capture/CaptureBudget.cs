using System.Buffers;

namespace ShadowProxy.Yarp.Shadowing.Capture;

/// <summary>
/// The bytes every shadow buffer of this process may hold at once (captured requests, teed answers, queued exchanges,
/// baseline answers): memory is bounded by bytes, not by how many requests happen to be large.
/// </summary>
internal sealed class CaptureBudget(long limitBytes)
{
    private long _reserved;

    public long LimitBytes { get; } = limitBytes;

    /// <summary>
    /// The segments the captures charged to this budget are made of. The pool may keep as many as the budget allows,
    /// so under sustained load every segment is reused and nothing is left for the GC; idle, it holds at most the budget.
    /// </summary>
    public ArrayPool<byte> Segments { get; } = PooledCapture.CreateSegmentPool(limitBytes);

    public long ReservedBytes => Interlocked.Read(ref _reserved);

    public bool TryReserve(long bytes)
    {
        if (Interlocked.Add(ref _reserved, bytes) <= LimitBytes)
        {
            return true;
        }

        Interlocked.Add(ref _reserved, -bytes);
        return false;
    }

    public void Release(long bytes) => Interlocked.Add(ref _reserved, -bytes);
}
