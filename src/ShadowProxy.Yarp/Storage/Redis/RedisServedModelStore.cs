using System.Text.Json.Nodes;
using ShadowProxy.Yarp.Telemetry;
using StackExchange.Redis;

namespace ShadowProxy.Yarp.Storage.Redis;

/// <summary>
/// Served-model history shared by every replica: per route and side a hash of what it serves now, and per route a
/// capped list of changes, both under the route's hash tag. One script compares and records, so a change is seen,
/// logged and counted by exactly one process.
/// </summary>
internal sealed partial class RedisServedModelStore(RedisConnection redis, TimeProvider time, ILogger<RedisServedModelStore> logger) : IServedModelStore
{
    /// <summary>
    /// KEYS: the side's hash, the route's change list. ARGV: model, has model, fingerprint, has fingerprint, at (ms),
    /// side, max events. Returns the change as JSON, or nil.
    /// </summary>
    private const string ObserveScript = """
        local v = redis.call('HMGET', KEYS[1], 'm', 'f', 'first', 'last')
        local at = tonumber(ARGV[5])
        local model = false
        if ARGV[2] == '1' then model = ARGV[1] end
        local fp = false
        if ARGV[4] == '1' then fp = ARGV[3] end
        if v[4] and at < tonumber(v[4]) then
          return false
        end
        local known = v[3] ~= false
        if known and v[1] == model and v[2] == fp then
          redis.call('HSET', KEYS[1], 'last', at)
          return false
        end
        redis.call('DEL', KEYS[1])
        redis.call('HSET', KEYS[1], 'first', at, 'last', at)
        if model then redis.call('HSET', KEYS[1], 'm', model) end
        if fp then redis.call('HSET', KEYS[1], 'f', fp) end
        if not known then
          return false
        end
        local e = { side = ARGV[6], at = at }
        if v[1] then e.fromModel = v[1] end
        if v[2] then e.fromFingerprint = v[2] end
        if model then e.toModel = model end
        if fp then e.toFingerprint = fp end
        local json = cjson.encode(e)
        redis.call('LPUSH', KEYS[2], json)
        redis.call('LTRIM', KEYS[2], 0, tonumber(ARGV[7]) - 1)
        return json
        """;

    private static readonly string[] Sides = ["primary", "baseline"];

    private readonly RedisRouteSet _routes = new(redis, "served:routes", time);

    public async Task<ServedModelEvent?> ObserveAsync(string route, string side, string? model, string? fingerprint, DateTimeOffset at, CancellationToken cancellationToken)
    {
        try
        {
            var batch = redis.Database.CreateBatch();
            var registered = _routes.AddIfDue(batch, route);
            var observed = batch.ScriptEvaluateAsync(ObserveScript, [SideKey(route, side), EventsKey(route)],
                [model ?? string.Empty, model is null ? "0" : "1", fingerprint ?? string.Empty, fingerprint is null ? "0" : "1",
                 at.ToUnixTimeMilliseconds(), side, InMemoryServedModelStore.MaxEvents]);
            batch.Execute();
            if (registered is not null)
            {
                await registered;
            }

            var result = await observed;
            return result.IsNull ? null : Parse(route, (string)result!);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogUnavailable(logger, route, e.Message);
            return null;
        }
    }

    public async Task<IReadOnlyDictionary<(string Route, string Side), ServedModel>> CurrentAsync(CancellationToken cancellationToken)
    {
        var batch = redis.Database.CreateBatch();
        var reads = (await _routes.MembersAsync()).SelectMany(static route => Sides.Select(side => (Route: route, Side: side)))
            .Select(s => (s.Route, s.Side, Values: batch.HashGetAsync(SideKey(s.Route, s.Side), ["m", "f", "first", "last"]))).ToList();
        batch.Execute();
        var current = new Dictionary<(string Route, string Side), ServedModel>();
        foreach (var (route, side, values) in reads)
        {
            var v = await values;
            if (v[2].HasValue && v[3].HasValue)
            {
                current[(route, side)] = new ServedModel(v[0].HasValue ? (string?)v[0] : null, v[1].HasValue ? (string?)v[1] : null, At((long)v[2]), At((long)v[3]));
            }
        }

        return current;
    }

    public async Task<IReadOnlyList<ServedModelEvent>> EventsAsync(CancellationToken cancellationToken)
    {
        var batch = redis.Database.CreateBatch();
        var reads = (await _routes.MembersAsync()).Select(route => (Route: route, Events: batch.ListRangeAsync(EventsKey(route)))).ToList();
        batch.Execute();
        var events = new List<ServedModelEvent>();
        foreach (var (route, list) in reads)
        {
            events.AddRange((await list).Select(json => Parse(route, (string)json!)));
        }

        return [.. events.OrderBy(static e => e.At).TakeLast(InMemoryServedModelStore.MaxEvents)];
    }

    private static ServedModelEvent Parse(string route, string json)
    {
        var e = JsonNode.Parse(json)!;
        return new ServedModelEvent(route, (string)e["side"]!, (string?)e["fromModel"], (string?)e["fromFingerprint"],
            (string?)e["toModel"], (string?)e["toFingerprint"], At((long)e["at"]!));
    }

    private static DateTimeOffset At(long unixMilliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds);

    private RedisKey SideKey(string route, string side) => redis.TaggedKey("served", route, side);

    private RedisKey EventsKey(string route) => redis.TaggedKey("served", route, "events");

    [LoggerMessage(EventId = 7051, Level = LogLevel.Debug, Message = "Served model on route {Route} not recorded, Redis unavailable: {Error}")]
    private static partial void LogUnavailable(ILogger logger, string route, string error);
}
