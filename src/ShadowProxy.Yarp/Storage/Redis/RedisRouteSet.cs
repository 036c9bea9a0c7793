using System.Collections.Concurrent;
using StackExchange.Redis;

namespace ShadowProxy.Yarp.Storage.Redis;

/// <summary>
/// The routes that have keys under one name (evidence indexes, served-model history), so readers can find their
/// per-route keys. A process adds a route once a minute, not per write, so the set is no hot key, and a Redis that lost its data
/// knows the routes again within a minute.
/// </summary>
internal sealed class RedisRouteSet(RedisConnection redis, string name, TimeProvider time)
{
    private static readonly TimeSpan AddEvery = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _added = new(StringComparer.Ordinal);

    private RedisKey Key => redis.Key(name);

    /// <summary>Queues the route's SADD on <paramref name="batch"/> when this process has not added it lately.</summary>
    public Task? AddIfDue(IBatch batch, string route)
    {
        var now = time.GetUtcNow();
        if (_added.TryGetValue(route, out var at) && now - at < AddEvery)
        {
            return null;
        }

        _added[route] = now;
        return batch.SetAddAsync(Key, route);
    }

    public async Task<string[]> MembersAsync() => [.. (await redis.Database.SetMembersAsync(Key)).Select(static r => (string)r!)];
}
