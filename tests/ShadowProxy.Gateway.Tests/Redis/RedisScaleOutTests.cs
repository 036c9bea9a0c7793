using System.Text.Json.Nodes;
using ShadowProxy.Gateway.Hosting;
using ShadowProxy.Gateway.Tests.Infrastructure;
using ShadowProxy.Yarp.Hosting;
using StackExchange.Redis;

namespace ShadowProxy.Gateway.Tests.Redis;

public sealed class RedisScaleOutTests
{
    /// <param name="cluster">On a real three-master Redis Cluster: every script and transaction must stay in one slot.</param>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TwoGatewaysTwoWorkers_ShareOneQueueEvidenceAndDriftState_TotalsAddUpAndVerdictsAgree(bool cluster)
    {
        await using var deployment = await RedisDeployment.StartAsync(cluster: cluster);
        GatewayApp[] gateways = [await deployment.StartReplicaAsync(GatewayRole.Gateway), await deployment.StartReplicaAsync(GatewayRole.Gateway)];
        GatewayApp[] workers = [await deployment.StartReplicaAsync(GatewayRole.Worker), await deployment.StartReplicaAsync(GatewayRole.Worker)];

        Assert.Equal(0, await RedisDeployment.SendAsync(gateways, 160));
        await deployment.WaitForAccountingAsync(TimeSpan.FromSeconds(30));

        var sampled = await deployment.SampledAsync();
        var paired = await deployment.OutcomesAsync("paired");
        TestContext.Current.TestOutputHelper?.WriteLine($"sampled {sampled}, paired {paired}, outcomes {await deployment.OutcomesAsync()}");
        Assert.Equal(160, sampled);
        Assert.Equal(sampled, await deployment.OutcomesAsync());
        Assert.Equal(sampled, paired);
        foreach (var gateway in gateways)
        {
            // Gateways only enqueue: every outcome of a job that reached the stream is counted by a worker.
            Assert.Equal(0, await RedisDeployment.ScrapeAsync(gateway, "shadowproxy_shadow_outcomes_total"));
        }

        var perWorker = await Task.WhenAll(workers.Select(w => RedisDeployment.ScrapeAsync(w, "shadowproxy_shadow_outcomes_total", "outcome", "paired")));
        Assert.All(perWorker, count => Assert.True(count > 0, $"each worker takes part: {string.Join(", ", perWorker)}"));
        Assert.Equal(paired, perWorker.Sum());
        TestContext.Current.TestOutputHelper?.WriteLine($"paired per worker: {string.Join(", ", perWorker)}");

        // Both gateways evaluate the same merged windows, so their verdicts are identical.
        var verdicts = await Task.WhenAll(gateways.Select(RedisDeployment.DriftAsync));
        var routes = verdicts.Select(v => v["routes"]!.ToJsonString()).ToArray();
        Assert.Equal(routes[0], routes[1]);
        var route = Assert.Single(verdicts[0]["routes"]!.AsArray())!;
        Assert.Equal(paired, route["pairs"]!.GetValue<long>());
        Assert.NotEmpty(route["metrics"]!.AsArray());

        // An accept on one gateway re-bases the route for both: the sequential state lives in Redis.
        using (var accepting = gateways[0].AdminClient())
        {
            using var body = new StringContent($$"""{"route":"{{RedisDeployment.Route}}","by":"ops","reason":"new model rolled out"}""", System.Text.Encoding.UTF8, "application/json");
            using var accepted = await accepting.PostAsync("/admin/api/drift/accept", body, TestContext.Current.CancellationToken);
            Assert.True(accepted.IsSuccessStatusCode, await accepted.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }

        var rebased = await Task.WhenAll(gateways.Select(RedisDeployment.DriftAsync));
        Assert.Equal(rebased[0]["routes"]!.ToJsonString(), rebased[1]["routes"]!.ToJsonString());
        var after = Assert.Single(rebased[1]["routes"]!.AsArray())!;
        var audit = Assert.Single(after["acceptances"]!.AsArray())!;
        Assert.Equal(("ops", "new model rolled out"), (audit["by"]!.GetValue<string>(), audit["reason"]!.GetValue<string>()));
        Assert.All(after["metrics"]!.AsArray().Where(m => m!["evidence"] is not null), m => Assert.Equal("warming_up", m!["state"]!.GetValue<string>()));

        // Evidence recorded by either worker is visible from either gateway.
        using var admin = gateways[1].AdminClient();
        var page = JsonNode.Parse(await admin.GetStringAsync("/admin/api/pairs?page_size=5", TestContext.Current.CancellationToken))!;
        Assert.Equal(paired, page["total"]!.GetValue<long>());
        var id = page["items"]![0]!["id"]!.GetValue<string>();
        using var detail = await admin.GetAsync($"/admin/api/pairs/{id}", TestContext.Current.CancellationToken);
        Assert.True(detail.IsSuccessStatusCode);

        await using var redis = await ConnectionMultiplexer.ConnectAsync(deployment.RedisConnectionString);
        var pending = await redis.GetDatabase().StreamPendingAsync(deployment.KeyPrefix + "queue", "workers");
        Assert.Equal(0, pending.PendingMessageCount);
    }

    [Fact]
    public async Task Readyz_ReportsRedisState_AndWorkerOpensNoProxyListener()
    {
        await using var deployment = await RedisDeployment.StartAsync();
        var worker = await deployment.StartReplicaAsync(GatewayRole.Worker);
        using var admin = worker.AdminClient();

        var ready = JsonNode.Parse(await admin.GetStringAsync("/readyz", TestContext.Current.CancellationToken))!;
        Assert.Equal("connected", ready["redis"]!.GetValue<string>());
        Assert.Throws<InvalidOperationException>(() => worker.ProxyUri);
        Assert.Contains("shadowproxy_shadow_outcomes_total", await admin.GetStringAsync("/metrics", TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
