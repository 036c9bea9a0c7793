using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ShadowProxy.Yarp.Storage.Redis;

/// <summary>
/// The one multiplexer of the process. It never aborts on a failed connect and fails fast while disconnected, so a
/// Redis outage costs callers an exception at once rather than a wait; it reconnects by itself.
/// </summary>
internal sealed class RedisConnection : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(1500);

    public RedisConnection(IOptions<RedisOptions> options)
    {
        var configuration = ConfigurationOptions.Parse(options.Value.ConnectionString!);
        configuration.AbortOnConnectFail = false;
        configuration.ConnectTimeout = (int)Timeout.TotalMilliseconds;
        configuration.SyncTimeout = (int)Timeout.TotalMilliseconds;
        configuration.AsyncTimeout = (int)Timeout.TotalMilliseconds;
        configuration.ConnectRetry = 1;
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        configuration.ReconnectRetryPolicy = new LinearRetry(500);
        Multiplexer = ConnectionMultiplexer.Connect(configuration);
        Prefix = options.Value.KeyPrefix;
    }

    public IConnectionMultiplexer Multiplexer { get; }

    public string Prefix { get; }

    public bool IsConnected => Multiplexer.IsConnected;

    public IDatabase Database => Multiplexer.GetDatabase();

    public RedisKey Key(string name) => Prefix + name;

    /// <summary>
    /// A key in the hash slot of <paramref name="tag"/> (`{tag}`), so a script or transaction over one route's or
    /// one drift key's keys stays in one slot of a Redis Cluster while different routes and keys spread across it.
    /// The tag is escaped, so it never holds a brace of its own.
    /// </summary>
    public RedisKey TaggedKey(string scope, string tag, string name) => $"{Prefix}{scope}:{{{Uri.EscapeDataString(tag)}}}:{name}";

    public void Dispose() => Multiplexer.Dispose();
}
