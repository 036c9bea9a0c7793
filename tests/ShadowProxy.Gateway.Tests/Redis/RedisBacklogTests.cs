using System.Diagnostics;
using ShadowProxy.Gateway.Tests.Infrastructure;
using ShadowProxy.Yarp.Hosting;
using ShadowProxy.Yarp.Shadowing.Dispatch;

namespace ShadowProxy.Gateway.Tests.Redis;

/// <summary>
/// A worker holds at most one delivered job per slot, so its local queue runs dry between reads even while the shared
/// stream holds a backlog. The pause that gathers sparse samples into batches must end as soon as a full batch is
/// delivered (a full batch must fit in what a worker holds), or a backlog would drain at one batch per pause.
/// </summary>
[Collection(RunsAloneGroup.Name)]
public sealed class RedisBacklogTests
{
    private const int Backlog = 640;

    /// <summary>The default: more slots than one stream read (16 entries) delivers, so a worker's local queue runs dry between reads.</summary>
    private const int Workers = 32;

    [Fact]
    public async Task WorkerJoiningABacklog_PairsEveryJob_FarFasterThanAPausePerBatch()
    {
        await using var deployment = await RedisDeployment.StartAsync();
        var unlimited = RunsAloneGroup.WithWorkersAtNormalPriority(new()
        {
            [$"Shadowing:Routes:{RedisDeployment.Route}:Budget:RequestsPerMinute"] = "0",
            ["Shadowing:Workers"] = Workers.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var gateway = await deployment.StartReplicaAsync(GatewayRole.Gateway, unlimited);
        Assert.Equal(0, await RedisDeployment.SendAsync([gateway], Backlog));
        await Eventually.TrueAsync(
            async () => await deployment.SampledAsync() == Backlog && await RedisDeployment.ScrapeGaugeAsync(gateway, "shadowproxy_shadow_queue_depth") == 0,
            TimeSpan.FromSeconds(30), () => "every sampled job written to the stream");
        Assert.Equal(0, await deployment.OutcomesAsync());

        await deployment.StartReplicaAsync(GatewayRole.Worker, unlimited);
        var draining = Stopwatch.StartNew();
        await deployment.WaitForAccountingAsync(TimeSpan.FromSeconds(90));
        draining.Stop();

        // Waiting out a full pause per batch would take Backlog / Workers pauses (20 s here); the instant baseline
        // answers the whole backlog in a few seconds (1.6-2.9 s seen on two cores).
        var perBatchPauses = BaselineDispatcher.GatherWindow * (Backlog / Workers);
        TestContext.Current.TestOutputHelper?.WriteLine($"drained {Backlog} jobs with {Workers} slots in {draining.Elapsed.TotalSeconds:F2} s (a pause per batch: {perBatchPauses.TotalSeconds:F0} s)");
        Assert.Equal(Backlog, await deployment.OutcomesAsync("paired"));
        Assert.True(draining.Elapsed < perBatchPauses / 2, $"drained in {draining.Elapsed}, half of a pause per batch is {perBatchPauses / 2}");
    }

    [Fact]
    public async Task FullBatchDeliveredDuringAWorkersGatherPause_IsComparedWithoutWaitingOutTheWindow()
    {
        await using var deployment = await RedisDeployment.StartAsync();
        var settings = RunsAloneGroup.WithWorkersAtNormalPriority(new()
        {
            ["Shadowing:Workers"] = "4",
            [$"Shadowing:Routes:{RedisDeployment.Route}:NoiseReplicateRate"] = "0",
        });
        var gateway = await deployment.StartReplicaAsync(GatewayRole.Gateway, settings);
        var worker = await deployment.StartReplicaAsync(GatewayRole.Worker, settings);

        // A first sample takes the cold paths (connections, JIT); the pause after it ends before the test proper.
        Assert.Equal(0, await RedisDeployment.SendAsync([gateway], 1));
        await deployment.WaitForAccountingAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(BaselineDispatcher.GatherWindow * 1.5, TestContext.Current.CancellationToken);

        // One sample alone: its worker starts it and pauses for company. The batch follows as soon as it is compared.
        var clock = Stopwatch.StartNew();
        Assert.Equal(0, await RedisDeployment.SendAsync([gateway], 1, offset: 1));
        while (await RedisDeployment.ScrapeAsync(worker, "shadowproxy_shadow_outcomes_total") < 2)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "the lone sample was not compared");
        }

        var loneCompared = clock.Elapsed;
        Assert.Equal(0, await RedisDeployment.SendAsync([gateway], 4, offset: 2));
        var batchAnswered = clock.Elapsed;
        await deployment.WaitForAccountingAsync(TimeSpan.FromSeconds(10));
        var waited = clock.Elapsed - batchAnswered;

        // Stream delivery (polled every 50 ms when idle) and the comparisons take a few hundred ms at most; a pause that a
        // delivered full batch cannot end lasts until the window (1 s) after the lone sample started.
        TestContext.Current.TestOutputHelper?.WriteLine($"lone sample compared at {loneCompared.TotalMilliseconds:F0} ms, the batch answered at {batchAnswered.TotalMilliseconds:F0} ms and compared {waited.TotalMilliseconds:F0} ms later");
        Assert.Equal(6, await RedisDeployment.ScrapeAsync(worker, "shadowproxy_shadow_outcomes_total", "outcome", "paired"));
        Assert.True(waited < BaselineDispatcher.GatherWindow * 0.6, $"the batch waited {waited.TotalMilliseconds:F0} ms");
    }
}
