using System.Diagnostics;
using System.Text.Json.Nodes;
using ShadowProxy.Gateway.Hosting;
using ShadowProxy.Gateway.Tests.Infrastructure;
using ShadowProxy.Simulator.Profiles;
using ShadowProxy.Yarp.Hosting;

namespace ShadowProxy.Gateway.Tests.Redis;

public sealed class RedisOutageTests
{
    [Fact]
    public async Task RedisStoppedAndRestartedMidLoad_PrimaryNeverFails_ShadowingResumes_AccountingAddsUp()
    {
        await using var deployment = await RedisDeployment.StartAsync();
        var gateway = await deployment.StartReplicaAsync(GatewayRole.Gateway);
        var worker = await deployment.StartReplicaAsync(GatewayRole.Worker);
        var failures = 0;
        var slowest = TimeSpan.Zero;
        var sent = 0;
        using var stopLoad = new CancellationTokenSource();
        var load = Task.Run(async () =>
        {
            while (!stopLoad.IsCancellationRequested)
            {
                var clock = Stopwatch.StartNew();
                failures += await RedisDeployment.SendAsync([gateway], 5, sent);
                sent += 5;
                slowest = clock.Elapsed > slowest ? clock.Elapsed : slowest;
                await Task.Delay(50, CancellationToken.None);
            }
        }, CancellationToken.None);

        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        var connectedBefore = await RedisDeployment.ScrapeGaugeAsync(worker, "shadowproxy_redis_connected");
        await deployment.Redis.StopAsync();
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        var duringOutage = await ReadyzAsync(gateway);
        var connectedDuringOutage = await RedisDeployment.ScrapeGaugeAsync(worker, "shadowproxy_redis_connected");
        var pairedDuringOutage = await deployment.OutcomesAsync("paired");
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        await deployment.Redis.RestartAsync();
        await Eventually.TrueAsync(async () => (await ReadyzAsync(gateway)).Body["redis"]!.GetValue<string>() == "connected", TimeSpan.FromSeconds(15), () => "the replica reconnecting to Redis");
        var pairedAtRestart = await deployment.OutcomesAsync("paired");
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        await stopLoad.CancelAsync();
        await load;
        await deployment.WaitForAccountingAsync(TimeSpan.FromSeconds(30));

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"sent {sent}, failures {failures}, slowest batch {slowest.TotalMilliseconds:F0} ms, sampled {await deployment.SampledAsync()}, outcomes {await deployment.OutcomesAsync()}, "
            + $"dropped {await deployment.OutcomesAsync("dropped_queue_full")}, paired {await deployment.OutcomesAsync("paired")} (at restart {pairedAtRestart})");
        Assert.Equal(0, failures);
        Assert.True(slowest < TimeSpan.FromSeconds(2), $"slowest batch of primary requests took {slowest}");
        Assert.Equal(200, (int)duringOutage.Status);
        Assert.Equal("disconnected", duringOutage.Body["redis"]!.GetValue<string>());
        var sampled = await deployment.SampledAsync();
        Assert.Equal(sent, sampled);
        Assert.Equal(sampled, await deployment.OutcomesAsync());
        Assert.True(await deployment.OutcomesAsync("dropped_queue_full") > 0, "the outage paused shadowing, counted as dropped");
        Assert.True(await deployment.OutcomesAsync("paired") > pairedAtRestart, $"shadowing resumed after the restart (paired {pairedDuringOutage} during the outage, {pairedAtRestart} at restart)");
        Assert.Equal("connected", (await ReadyzAsync(worker)).Body["redis"]!.GetValue<string>());
        Assert.Equal((1.0, 0.0, 1.0), (connectedBefore, connectedDuringOutage, await RedisDeployment.ScrapeGaugeAsync(worker, "shadowproxy_redis_connected")));
    }

    [Fact]
    public async Task RedisDownAtStart_ReplicasStartAndServe_ShadowingStartsWhenRedisArrives()
    {
        await using var deployment = await RedisDeployment.StartAsync(startRedis: false);
        var gateway = await deployment.StartReplicaAsync(GatewayRole.Gateway);
        await deployment.StartReplicaAsync(GatewayRole.Worker);

        Assert.Equal(0, await RedisDeployment.SendAsync([gateway], 20));
        var ready = await ReadyzAsync(gateway);
        Assert.Equal(200, (int)ready.Status);
        Assert.Equal("disconnected", ready.Body["redis"]!.GetValue<string>());
        Assert.Equal(20, await deployment.OutcomesAsync("dropped_queue_full"));

        await deployment.Redis.RestartAsync();
        await Eventually.TrueAsync(async () => (await ReadyzAsync(gateway)).Body["redis"]!.GetValue<string>() == "connected", TimeSpan.FromSeconds(15), () => "the replica reconnecting to Redis");
        Assert.Equal(0, await RedisDeployment.SendAsync([gateway], 20, offset: 20));
        await deployment.WaitForAccountingAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(40, await deployment.SampledAsync());
        Assert.Equal(40, await deployment.OutcomesAsync());
        Assert.Equal(20, await deployment.OutcomesAsync("paired"));
    }

    /// <summary>
    /// A Redis without persistence dies and comes back empty while jobs wait in the stream: the jobs it lost are
    /// counted by the gateway that queued them (dropped_lost), the ones a worker held are compared, and every
    /// sampled request still ends in exactly one outcome.
    /// </summary>
    [Fact]
    public async Task RedisLosesItsData_QueuedJobsAreCountedLost_SampledEqualsOutcomes()
    {
        // A 4.5 s baseline and two workers: most jobs are still waiting in the stream when Redis loses them, and the
        // first ones are still in the worker's hands. Were one settled before the wipe, its mark would go with it and
        // the pair would be counted twice (the window the queue documents), so the baseline leaves a wide margin for
        // a loaded test machine between the first baseline call and the crash.
        await using var deployment = await RedisDeployment.StartAsync(BuiltInProfiles.Instant with { TimeToFirstToken = TimeSpan.FromSeconds(4.5) });
        var slow = new Dictionary<string, string?> { ["Shadowing:Workers"] = "2", [$"Shadowing:Routes:{RedisDeployment.Route}:Baseline:Timeout"] = "00:00:05.5" };
        var gateway = await deployment.StartReplicaAsync(GatewayRole.Gateway, slow);
        await deployment.StartReplicaAsync(GatewayRole.Worker, slow);

        Assert.Equal(0, await RedisDeployment.SendAsync([gateway], 30));
        await Eventually.TrueAsync(() => deployment.Baseline.Journal.Count >= 2, TimeSpan.FromSeconds(10), "the worker calling the baseline");
        var beforeCrash = Stopwatch.StartNew();
        await deployment.Redis.CrashAndWipeAsync();
        beforeCrash.Stop();
        await deployment.WaitForAccountingAsync(TimeSpan.FromSeconds(40));

        var (sampled, outcomes) = (await deployment.SampledAsync(), await deployment.OutcomesAsync());
        var (lost, paired) = (await deployment.OutcomesAsync("dropped_lost"), await deployment.OutcomesAsync("paired"));
        var account = $"sampled {sampled}, outcomes {outcomes}, lost {lost}, paired {paired}, the crash and restart took {beforeCrash.ElapsedMilliseconds} ms";
        Assert.True(sampled == 30 && outcomes == 30, account);
        Assert.True(lost >= 20, $"the jobs waiting in the stream are counted lost: {account}");
        Assert.Equal(lost, await RedisDeployment.ScrapeAsync(gateway, "shadowproxy_shadow_outcomes_total", "outcome", "dropped_lost"));
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        Assert.Equal(30, await deployment.OutcomesAsync()); // and nothing is counted a second time later
    }

    private static async Task<(System.Net.HttpStatusCode Status, JsonNode Body)> ReadyzAsync(GatewayApp replica)
    {
        using var admin = replica.AdminClient();
        using var response = await admin.GetAsync("/readyz", TestContext.Current.CancellationToken);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!);
    }
}
