using System.Buffers;

namespace ShadowProxy.Gateway.Shadowing.Capture;

/// <summary>
/// A size-capped byte buffer rented from the shared pool. Past the cap it stops copying and says so;
/// whoever owns it last returns the memory with <see cref="Dispose"/>.
/// </summary>
internal sealed class PooledCapture(int capacityLimit) : IDisposable
{
    private const int InitialSize = 4096;
    private static long s_rentedBytes;
    private byte[] _buffer = [];
    private int _length;

    /// <summary>Bytes all captures in the process hold from the pool now: flat when idle, or a capture leaked.</summary>
    public static long RentedBytes => Interlocked.Read(ref s_rentedBytes);

    public int Length => _length;

    public bool Overflowed { get; private set; }

    public ReadOnlyMemory<byte> Memory => _buffer.AsMemory(0, _length);

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, _length);

    /// <summary>A read-only view for forwarding; valid until this capture is disposed.</summary>
    public MemoryStream AsReadStream() => new(_buffer, 0, _length, writable: false);

    /// <returns>False once the cap is exceeded; nothing past the cap is kept.</returns>
    public bool Append(ReadOnlySpan<byte> data)
    {
        if (Overflowed)
        {
            return false;
        }

        if ((long)_length + data.Length > capacityLimit)
        {
            Overflowed = true;
            return false;
        }

        EnsureCapacity(_length + data.Length);
        data.CopyTo(_buffer.AsSpan(_length));
        _length += data.Length;
        return true;
    }

    private void EnsureCapacity(int needed)
    {
        if (needed <= _buffer.Length)
        {
            return;
        }

        var next = ArrayPool<byte>.Shared.Rent(Math.Min(Math.Max(needed, Math.Max(InitialSize, _buffer.Length * 2)), Math.Max(capacityLimit, needed)));
        Interlocked.Add(ref s_rentedBytes, next.Length);
        _buffer.AsSpan(0, _length).CopyTo(next);
        Return();
        _buffer = next;
    }

    private void Return()
    {
        if (_buffer.Length > 0)
        {
            Interlocked.Add(ref s_rentedBytes, -_buffer.Length);
            ArrayPool<byte>.Shared.Return(_buffer);
        }
    }

    public void Dispose()
    {
        Return();
        _buffer = [];
        _length = 0;
    }
}
