using System.Buffers;

namespace ShadowProxy.Gateway.Shadowing.Capture;

/// <summary>
/// A size-capped byte buffer rented from the capture pool and charged to the process's <see cref="CaptureBudget"/>.
/// Past either limit it stops copying and says which; whoever owns it last returns the memory with <see cref="Dispose"/>.
/// </summary>
internal sealed class PooledCapture(int capacityLimit, CaptureBudget? budget = null) : IDisposable
{
    private const int InitialSize = 4096;

    /// <summary>
    /// A pool of its own: the shared pool keeps up to 32 arrays per size per core and per thread, so after a burst
    /// of megabyte answers it held on to gigabytes. Arrays above 1 MiB are not pooled at all and go back to the GC.
    /// </summary>
    private static readonly ArrayPool<byte> Pool = ArrayPool<byte>.Create(maxArrayLength: 1024 * 1024, maxArraysPerBucket: 8);

    private static long s_rentedBytes;
    private byte[] _buffer = [];
    private int _length;
    private int _reservedSize;

    /// <summary>Bytes all captures in the process hold from the pool now: flat when idle, or a capture leaked.</summary>
    public static long RentedBytes => Interlocked.Read(ref s_rentedBytes);

    public int Length => _length;

    public bool Overflowed { get; private set; }

    /// <summary>The capture stopped because the process's capture budget was spent, not because this body was too big.</summary>
    public bool OverBudget { get; private set; }

    public ReadOnlyMemory<byte> Memory => _buffer.AsMemory(0, _length);

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, _length);

    /// <summary>A read-only view for forwarding; valid until this capture is disposed.</summary>
    public MemoryStream AsReadStream() => new(_buffer, 0, _length, writable: false);

    /// <returns>False once a limit is exceeded; nothing past it is kept.</returns>
    public bool Append(ReadOnlySpan<byte> data)
    {
        if (Overflowed)
        {
            return false;
        }

        if ((long)_length + data.Length > capacityLimit || !EnsureCapacity(_length + data.Length))
        {
            Overflowed = true;
            return false;
        }

        data.CopyTo(_buffer.AsSpan(_length));
        _length += data.Length;
        return true;
    }

    private bool EnsureCapacity(int needed)
    {
        if (needed <= _buffer.Length)
        {
            return true;
        }

        var size = Math.Min(Math.Max(needed, Math.Max(InitialSize, _buffer.Length * 2)), Math.Max(capacityLimit, needed));
        if (budget is not null && !budget.TryReserve(size))
        {
            OverBudget = true;
            return false;
        }

        var next = Pool.Rent(size);
        Interlocked.Add(ref s_rentedBytes, next.Length);
        _buffer.AsSpan(0, _length).CopyTo(next);
        Return();
        _buffer = next;
        _reservedSize = size;
        return true;
    }

    private void Return()
    {
        if (_buffer.Length > 0)
        {
            Interlocked.Add(ref s_rentedBytes, -_buffer.Length);
            Pool.Return(_buffer);
            budget?.Release(_reservedSize);
        }
    }

    public void Dispose()
    {
        Return();
        _buffer = [];
        _length = 0;
        _reservedSize = 0;
    }
}
