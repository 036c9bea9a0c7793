using System.Globalization;
using System.Text.Json.Nodes;
using ShadowProxy.Gateway.Hosting;
using ShadowProxy.Gateway.Tests.Infrastructure;
using ShadowProxy.Simulator.Hosting;
using ShadowProxy.Simulator.Profiles;
using ShadowProxy.Yarp.Hosting;

namespace ShadowProxy.Gateway.Tests.Redis;

/// <summary>
/// One Redis, one scripted primary, one simulated baseline, and any number of gateway and worker processes (each its
/// own host, container and listeners) sharing a key prefix. Counts are read the way an operator would: from /metrics.
/// </summary>
internal sealed class RedisDeployment : IAsyncDisposable
{
    public const string Route = ShadowSetup.Route;

    private readonly List<GatewayApp> _replicas = [];

    private RedisDeployment(RedisServer redis, RedisCluster? cluster, TestUpstream primary, SimulatorServer baseline)
    {
        Redis = redis;
        Cluster = cluster;
        Primary = primary;
        Baseline = baseline;
    }

    /// <summary>The single Redis (not started when the deployment runs on <see cref="Cluster"/>).</summary>
    public RedisServer Redis { get; }

    /// <summary>A three-master Redis Cluster the replicas use instead of <see cref="Redis"/>, when asked for.</summary>
    public RedisCluster? Cluster { get; }

    public string RedisConnectionString => Cluster?.ConnectionString ?? Redis.ConnectionString;

    public TestUpstream Primary { get; }

    public SimulatorServer Baseline { get; }

    public string KeyPrefix { get; } = $"test-{Guid.NewGuid():N}:";

    /// <summary>The route's evidence index (its key carries the route's hash tag).</summary>
    public string EvidenceIndexKey => $"{KeyPrefix}evidence:{{{Route}}}:index";

    public IReadOnlyList<GatewayApp> Replicas => _replicas;

    /// <summary>With <paramref name="startRedis"/> false, Redis is down when the replicas start (<c>Redis.RestartAsync</c> brings it up).</summary>
    public static async Task<RedisDeployment> StartAsync(SimulatorProfile? baselineProfile = null, bool startRedis = true, bool cluster = false)
    {
        var redisCluster = cluster ? await RedisCluster.StartAsync() : null;
        var redis = startRedis && !cluster ? await RedisServer.StartAsync() : RedisServer.Reserve();
        var primary = await TestUpstream.StartAsync();
        var baseline = await SimulatorServer.StartAsync(
            new SimulatorOptions { Profile = baselineProfile ?? BuiltInProfiles.Instant }, TestContext.Current.CancellationToken);
        return new RedisDeployment(redis, redisCluster, primary, baseline);
    }

    /// <summary>The stream payload secret every replica of the deployment shares.</summary>
    public const string PayloadKey = "a-payload-key-shared-by-the-replicas-0123456789";

    /// <summary>The configuration every replica shares (as a Helm release would give them), plus per-test overrides.</summary>
    public Dictionary<string, string?> Settings(IReadOnlyDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Listeners:Proxy"] = "http://127.0.0.1:0",
            ["Listeners:Admin"] = "http://127.0.0.1:0",
            ["ReverseProxy:Clusters:openai:Destinations:primary:Address"] = Primary.BaseUri.ToString(),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Shadowing:MaxCpuUtilization"] = "1",
            ["Redis:ConnectionString"] = RedisConnectionString,
            ["Redis:KeyPrefix"] = KeyPrefix,
            ["Redis:PayloadKey"] = PayloadKey,
            ["Redis:ClaimIdleAfter"] = "00:00:02",
            [$"Shadowing:Routes:{Route}:SampleRate"] = "1",
            [$"Shadowing:Routes:{Route}:NoiseReplicateRate"] = "0.2",
            [$"Shadowing:Routes:{Route}:Baseline:Address"] = Baseline.BaseUri.ToString(),
            [$"Shadowing:Routes:{Route}:Baseline:Model"] = ShadowSetup.PinnedModel,
            [$"Shadowing:Routes:{Route}:Baseline:ApiKey"] = ShadowSetup.BaselineKey,
            [$"Shadowing:Routes:{Route}:Baseline:Timeout"] = "00:00:05",
            [$"Shadowing:Routes:{Route}:CaptureEvidence"] = "true",
            ["Drift:MinPairs"] = "10",
            ["Drift:MinNoisePairs"] = "2",
            ["Drift:EvaluateEvery"] = "01:00:00",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    public async Task<GatewayApp> StartReplicaAsync(GatewayRole role, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var app = GatewayHost.Build(new GatewayHostSettings { Overrides = Settings(extra), Embedded = true, Role = role });
        await app.StartAsync(TestContext.Current.CancellationToken);
        _replicas.Add(app);
        return app;
    }

    /// <summary>Sends chat requests round-robin through the gateways; every one must succeed.</summary>
    public static async Task<int> SendAsync(IReadOnlyList<GatewayApp> gateways, int count, int offset = 0)
    {
        var clients = gateways.Select(g => g.ProxyClient()).ToList();
        try
        {
            var requests = Enumerable.Range(offset, count).Select(async i =>
            {
                var body = $$"""{"model":"gpt-4o","stream":{{(i % 4 == 0 ? "true" : "false")}},"messages":[{"role":"user","content":"Is {{i}} a prime number?"}]}""";
                using var request = Shadowing.BaselineRequestTests.Chat(body);
                using var response = await clients[i % clients.Count].SendAsync(request, TestContext.Current.CancellationToken);
                return response.IsSuccessStatusCode ? 0 : 1;
            });
            return (await Task.WhenAll(requests)).Sum();
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    /// <summary>Sums a counter over a replica's /metrics, e.g. ("shadowproxy_shadow_outcomes_total", "outcome", "paired").</summary>
    public static async Task<long> ScrapeAsync(GatewayApp replica, string metric, string? label = null, string? value = null)
    {
        using var admin = replica.AdminClient();
        var text = await admin.GetStringAsync("/metrics", TestContext.Current.CancellationToken);
        return ScrapeText(text, metric, label, value);
    }

    /// <summary>A gauge without labels (one per process), from a replica's /metrics; null when it is not exported.</summary>
    public static async Task<double?> ScrapeGaugeAsync(GatewayApp replica, string metric)
    {
        using var admin = replica.AdminClient();
        var text = await admin.GetStringAsync("/metrics", TestContext.Current.CancellationToken);
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith(metric + " ", StringComparison.Ordinal) || l.StartsWith(metric + "{", StringComparison.Ordinal));
        return line is null ? null : double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
    }

    public static long ScrapeText(string text, string metric, string? label = null, string? value = null) =>
        text.Split('\n')
            .Where(line => line.StartsWith(metric + "{", StringComparison.Ordinal) && line.Contains($"route=\"{Route}\"", StringComparison.Ordinal))
            .Where(line => label is null || line.Contains($"{label}=\"{value}\"", StringComparison.Ordinal))
            .Sum(line => (long)double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));

    public async Task<long> SampledAsync() =>
        await SumAsync(r => ScrapeAsync(r, "shadowproxy_shadow_decisions_total", "decision", "sampled"));

    public async Task<long> OutcomesAsync(string? outcome = null) =>
        await SumAsync(r => ScrapeAsync(r, "shadowproxy_shadow_outcomes_total", outcome is null ? null : "outcome", outcome));

    /// <summary>Waits until the outcomes summed over every replica reach the sampled requests summed likewise.</summary>
    public async Task WaitForAccountingAsync(TimeSpan limit)
    {
        long sampled = 0, outcomes = 0;
        await Eventually.TrueAsync(
            async () =>
            {
                (sampled, outcomes) = (await SampledAsync(), await OutcomesAsync());
                return outcomes >= sampled;
            },
            limit, () => $"accounting to settle: {sampled} sampled, {outcomes} outcomes");
    }

    public static async Task<JsonNode> DriftAsync(GatewayApp gateway)
    {
        using var admin = gateway.AdminClient();
        var json = await admin.GetStringAsync("/admin/api/drift?refresh=true", TestContext.Current.CancellationToken);
        return JsonNode.Parse(json)!;
    }

    private async Task<long> SumAsync(Func<GatewayApp, Task<long>> read)
    {
        long total = 0;
        foreach (var replica in _replicas)
        {
            total += await read(replica);
        }

        return total;
    }

    public async Task StopReplicaAsync(GatewayApp replica)
    {
        _replicas.Remove(replica);
        await replica.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var replica in _replicas)
        {
            await replica.DisposeAsync();
        }

        await Baseline.DisposeAsync();
        await Primary.DisposeAsync();
        await Redis.DisposeAsync();
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }
    }
}
