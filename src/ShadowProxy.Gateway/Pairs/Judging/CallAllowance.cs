namespace ShadowProxy.Gateway.Pairs.Judging;

/// <summary>A per-minute cap on paid second-opinion calls.</summary>
internal sealed class CallAllowance(int perMinute, TimeProvider time)
{
    private readonly Lock _gate = new();
    private long _minute = -1;
    private int _used;

    public bool TryTake()
    {
        var minute = time.GetUtcNow().ToUnixTimeSeconds() / 60;
        lock (_gate)
        {
            if (minute != _minute)
            {
                _minute = minute;
                _used = 0;
            }

            return _used < perMinute && ++_used > 0;
        }
    }
}
