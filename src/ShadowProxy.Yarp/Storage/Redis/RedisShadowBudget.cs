using System.Globalization;
using ShadowProxy.Yarp.Shadowing.Budget;
using ShadowProxy.Yarp.Shadowing.Policy;
using StackExchange.Redis;

namespace ShadowProxy.Yarp.Storage.Redis;

/// <summary>
/// Budgets shared by every replica: one Lua script checks both caps and takes a request atomically, so concurrent
/// workers can never overshoot a route's requests per minute. A route's two keys share its hash tag (one cluster
/// slot per route). Redis errors deny: better to skip shadows than overspend.
/// </summary>
internal sealed partial class RedisShadowBudget(RedisConnection redis, TimeProvider time, ILogger<RedisShadowBudget> logger) : IShadowBudget
{
    private const string AcquireScript = """
        local requests = tonumber(redis.call('GET', KEYS[1]) or '0')
        local tokens = tonumber(redis.call('GET', KEYS[2]) or '0')
        local maxRequests = tonumber(ARGV[1])
        local maxTokens = tonumber(ARGV[2])
        if (maxRequests > 0 and requests >= maxRequests) or (maxTokens > 0 and tokens >= maxTokens) then
          return 0
        end
        redis.call('INCR', KEYS[1])
        redis.call('EXPIRE', KEYS[1], 120)
        return 1
        """;

    private static readonly TimeSpan TokenKeyLifetime = TimeSpan.FromDays(2);

    public async ValueTask<bool> TryAcquireAsync(RoutePolicy policy, CancellationToken cancellationToken)
    {
        var limits = policy.Options.Budget;
        try
        {
            var result = await redis.Database.ScriptEvaluateAsync(
                AcquireScript, [RequestsKey(policy), TokensKey(policy)], [limits.RequestsPerMinute, limits.TokensPerDay]);
            return (long)result == 1;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogDenied(logger, policy.RouteId, e.Message);
            return false;
        }
    }

    public async ValueTask AddTokensAsync(RoutePolicy policy, long tokens, CancellationToken cancellationToken)
    {
        if (tokens <= 0)
        {
            return;
        }

        try
        {
            var key = TokensKey(policy);
            var batch = redis.Database.CreateBatch();
            var add = batch.StringIncrementAsync(key, tokens);
            var expire = batch.KeyExpireAsync(key, TokenKeyLifetime);
            batch.Execute();
            await Task.WhenAll(add, expire);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogDenied(logger, policy.RouteId, e.Message);
        }
    }

    private RedisKey RequestsKey(RoutePolicy policy) =>
        redis.TaggedKey("budget", policy.RouteId, $"rpm:{(time.GetUtcNow().ToUnixTimeSeconds() / 60).ToString(CultureInfo.InvariantCulture)}");

    private RedisKey TokensKey(RoutePolicy policy) =>
        redis.TaggedKey("budget", policy.RouteId, $"tokens:{time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}");

    [LoggerMessage(EventId = 7021, Level = LogLevel.Debug, Message = "Shadow budget store unavailable for route {Route}; shadowing denied: {Error}")]
    private static partial void LogDenied(ILogger logger, string route, string error);
}
