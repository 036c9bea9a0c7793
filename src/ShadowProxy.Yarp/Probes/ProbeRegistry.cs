using System.Collections.Concurrent;
using System.Security.Cryptography;
using ShadowProxy.Core.Probes;

namespace ShadowProxy.Yarp.Probes;

/// <summary>
/// Probes in flight, keyed by a random id sent in a header only this process knows how to sign, so a client cannot
/// force shadowing (and spend the baseline budget) by forging the header. The scheduler sends probes through this
/// process's own proxy, so the capture claims the task here and it travels on with the exchange: whichever process
/// compares the pair (a worker, over Redis) grades it.
/// </summary>
internal sealed class ProbeRegistry(TimeProvider time)
{
    public const string Header = Proxy.InternalHeaders.Probe;
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private readonly string _secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
    private readonly ConcurrentDictionary<string, (ProbeTask Task, DateTimeOffset Until)> _pending = new(StringComparer.Ordinal);

    public string Register(ProbeTask task)
    {
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        _pending[key] = (task, time.GetUtcNow() + Lifetime);
        return $"{_secret}:{key}";
    }

    /// <returns>The task, once, when the header value was issued by this process; otherwise null.</returns>
    public ProbeTask? Claim(string? headerValue)
    {
        if (headerValue is null || headerValue.Length != _secret.Length + 17 || headerValue[_secret.Length] != ':'
            || !CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(headerValue[.._secret.Length]), System.Text.Encoding.ASCII.GetBytes(_secret)))
        {
            return null;
        }

        var now = time.GetUtcNow();
        foreach (var stale in _pending.Where(p => p.Value.Until < now).Select(p => p.Key))
        {
            _pending.TryRemove(stale, out _);
        }

        return _pending.TryRemove(headerValue[(_secret.Length + 1)..], out var entry) ? entry.Task : null;
    }
}
