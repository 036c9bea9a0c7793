using System.Buffers;

namespace ShadowProxy.Yarp.Shadowing.Capture;

/// <summary>
/// A size-capped byte buffer made of pooled segments and charged to the process's <see cref="CaptureBudget"/>. Past
/// either limit it stops copying and says which; whoever owns it last returns the memory with <see cref="Dispose"/>.
/// </summary>
/// <remarks>
/// Segments (4, 16, then 64 KiB) stay below the large object heap and come from a pool of their own, so a burst of
/// megabyte answers reuses memory instead of leaving large arrays for the GC: one growing contiguous buffer left
/// gigabytes of garbage under load. A contiguous view is assembled only when someone asks for it (the worker
/// parsing an answer), once, from a second small pool.
/// </remarks>
internal sealed class PooledCapture(int capacityLimit, CaptureBudget? budget = null) : IDisposable
{
    private const int SegmentSize = 64 * 1024;
    private static readonly ArrayPool<byte> UnbudgetedSegments = CreateSegmentPool(32L * 1024 * 1024);
    private static readonly ArrayPool<byte> Contiguous = ArrayPool<byte>.Create(maxArrayLength: 16 * 1024 * 1024, maxArraysPerBucket: 2);

    private static long s_rentedBytes;
    private readonly ArrayPool<byte> _pool = budget?.Segments ?? UnbudgetedSegments;
    private readonly List<byte[]> _segments = new(1);
    private byte[]? _contiguous;
    private int _length;
    private int _lastUsed;
    private long _reserved;

    /// <summary>Bytes all captures in the process hold from the pools now: flat when idle, or a capture leaked.</summary>
    public static long RentedBytes => Interlocked.Read(ref s_rentedBytes);

    public int Length => _length;

    public bool Overflowed { get; private set; }

    /// <summary>The capture stopped because the process's capture budget was spent, not because this body was too big.</summary>
    public bool OverBudget { get; private set; }

    /// <summary>The bytes as one block; assembled on first use for a multi-segment capture, valid until disposed.</summary>
    public ReadOnlyMemory<byte> Memory => _segments.Count switch
    {
        0 => ReadOnlyMemory<byte>.Empty,
        1 => _segments[0].AsMemory(0, _length),
        _ => Assemble(),
    };

    public ReadOnlySpan<byte> Span => Memory.Span;

    /// <summary>A read-only view for forwarding; valid until this capture is disposed.</summary>
    public Stream AsReadStream() => new MemoryStream(MemoryArray(), 0, _length, writable: false);

    /// <summary>A pool of 4, 16 and 64 KiB segments able to keep <paramref name="bytes"/> worth of the largest size.</summary>
    public static ArrayPool<byte> CreateSegmentPool(long bytes) =>
        ArrayPool<byte>.Create(maxArrayLength: SegmentSize, maxArraysPerBucket: (int)Math.Clamp(bytes / SegmentSize, 16, 1 << 20));

    /// <returns>False once a limit is exceeded; nothing past it is kept.</returns>
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

        while (!data.IsEmpty)
        {
            if (_segments.Count == 0 || _lastUsed == _segments[^1].Length)
            {
                if (!AddSegment())
                {
                    Overflowed = true;
                    return false;
                }
            }

            var segment = _segments[^1];
            var count = Math.Min(data.Length, segment.Length - _lastUsed);
            data[..count].CopyTo(segment.AsSpan(_lastUsed));
            _lastUsed += count;
            _length += count;
            data = data[count..];
        }

        ReturnContiguous();
        return true;
    }

    private bool AddSegment()
    {
        // Small answers stay small; anything larger grows in 64 KiB steps.
        var size = _segments.Count switch { 0 => 4 * 1024, 1 => 16 * 1024, _ => SegmentSize };
        if (budget is not null && !budget.TryReserve(size))
        {
            OverBudget = true;
            return false;
        }

        var segment = _pool.Rent(size);
        _reserved += size;
        Interlocked.Add(ref s_rentedBytes, segment.Length);
        _segments.Add(segment);
        _lastUsed = 0;
        return true;
    }

    private ReadOnlyMemory<byte> Assemble() => MemoryArray().AsMemory(0, _length);

    private byte[] MemoryArray()
    {
        if (_segments.Count == 1)
        {
            return _segments[0];
        }

        if (_contiguous is null)
        {
            var block = Contiguous.Rent(Math.Max(_length, 1));
            Interlocked.Add(ref s_rentedBytes, block.Length);
            var offset = 0;
            for (var i = 0; i < _segments.Count; i++)
            {
                var used = i == _segments.Count - 1 ? _lastUsed : _segments[i].Length;
                _segments[i].AsSpan(0, used).CopyTo(block.AsSpan(offset));
                offset += used;
            }

            _contiguous = block;
        }

        return _contiguous;
    }

    /// <summary>The assembled block is stale once more bytes arrive, and goes back with everything else at the end.</summary>
    private void ReturnContiguous()
    {
        if (_contiguous is not null)
        {
            Interlocked.Add(ref s_rentedBytes, -_contiguous.Length);
            Contiguous.Return(_contiguous);
            _contiguous = null;
        }
    }

    public void Dispose()
    {
        foreach (var segment in _segments)
        {
            Interlocked.Add(ref s_rentedBytes, -segment.Length);
            _pool.Return(segment);
        }

        ReturnContiguous();
        budget?.Release(_reserved);
        _segments.Clear();
        _reserved = 0;
        _length = 0;
        _lastUsed = 0;
    }
}
