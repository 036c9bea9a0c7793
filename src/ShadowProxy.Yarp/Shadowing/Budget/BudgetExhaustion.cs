using System.Collections.Concurrent;

namespace ShadowProxy.Yarp.Shadowing.Budget;

/// <summary>
/// A local hint, set by the workers when a route's budget says no, so the request path stops capturing for that
/// route until the next minute without asking the (possibly remote) budget store itself.
/// </summary>
internal sealed class BudgetExhaustion(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, long> _untilUnixSeconds = new(StringComparer.Ordinal);

    public bool IsExhausted(string routeId) =>
        _untilUnixSeconds.TryGetValue(routeId, out var until) && time.GetUtcNow().ToUnixTimeSeconds() < until;

    public void MarkExhausted(string routeId)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        _untilUnixSeconds[routeId] = (now / 60 + 1) * 60;
    }
}
