namespace ShadowProxy.Gateway.Demo;

/// <summary>What the demo's client saw, counted lock-free.</summary>
internal sealed class DemoStats
{
    private long _sent;
    private long _succeeded;
    private long _failed;
    private long _streamed;

    public long Sent => Interlocked.Read(ref _sent);

    public long Succeeded => Interlocked.Read(ref _succeeded);

    public long Failed => Interlocked.Read(ref _failed);

    public long Streamed => Interlocked.Read(ref _streamed);

    public void OnSent(bool stream)
    {
        Interlocked.Increment(ref _sent);
        if (stream)
        {
            Interlocked.Increment(ref _streamed);
        }
    }

    public void OnCompleted(bool success) => Interlocked.Increment(ref success ? ref _succeeded : ref _failed);
}
