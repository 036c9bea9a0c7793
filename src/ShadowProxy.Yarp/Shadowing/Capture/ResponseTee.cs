namespace ShadowProxy.Yarp.Shadowing.Capture;

/// <summary>
/// Wraps the response body of a sampled request: every write goes to the client first, then a copy goes into a
/// capped capture; flushes pass straight through, so streaming pace is untouched.
/// </summary>
internal sealed class ResponseTee(Stream client, PooledCapture capture, TimeProvider time) : Stream
{
    public long FirstByteTimestamp { get; private set; }

    public PooledCapture Capture => capture;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await client.WriteAsync(buffer, cancellationToken);
        Copy(buffer.Span);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        client.Write(buffer);
        Copy(buffer);
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override Task FlushAsync(CancellationToken cancellationToken) => client.FlushAsync(cancellationToken);

    public override void Flush() => client.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private void Copy(ReadOnlySpan<byte> data)
    {
        if (FirstByteTimestamp == 0 && data.Length > 0)
        {
            FirstByteTimestamp = time.GetTimestamp();
        }

        capture.Append(data);
    }
}
