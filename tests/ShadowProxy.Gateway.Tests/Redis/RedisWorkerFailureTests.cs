using System.Diagnostics;
using ShadowProxy.Gateway.Tests.Infrastructure;
using ShadowProxy.Simulator.Hosting;
using ShadowProxy.Simulator.Profiles;
using ShadowProxy.Yarp.Hosting;
using ShadowProxy.Yarp.Shadowing.Dispatch;
using ShadowProxy.Yarp.Storage.Redis;
using StackExchange.Redis;

namespace ShadowProxy.Gateway.Tests.Redis;

public sealed class RedisWorkerFailureTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task WorkerKilledMidJob_ItsPendingJobsAreReclaimed_AndComparedExactlyOnce(bool cluster)
    {
        await using var deployment = await RedisDeployment.StartAsync(cluster: cluster);
        // The doomed worker's own config points its baseline at one that never answers, so it dies holding jobs.
        await using var hanging = await SimulatorServer.StartAsync(
            new SimulatorOptions { Profile = BuiltInProfiles.Instant with { Faults = new FaultProfile { Hang = 1 } } }, TestContext.Current.CancellationToken);
        var gateway = await deployment.StartReplicaAsync(GatewayRole.Gateway);
        using var doomed = StartWorkerProcess(deployment, FreePort.ClosedLoopbackUri(), hanging.BaseUri, out var stdout, out var stderr);
        try
        {
            await using var redis = await ConnectionMultiplexer.ConnectAsync(deployment.RedisConnectionString);
            var db = redis.GetDatabase();
            var stream = deployment.KeyPrefix + "queue";
            Assert.Equal(0, await RedisDeployment.SendAsync([gateway], 24));
            await Eventually.TrueAsync(async () => (await PendingAsync(db, stream)) == 24, TimeSpan.FromSeconds(20), () => $"{stdout}{stderr}");

            doomed.Kill(entireProcessTree: true);
            await doomed.WaitForExitAsync(TestContext.Current.CancellationToken);
            var survivor = await deployment.StartReplicaAsync(GatewayRole.Worker);
            await deployment.WaitForAccountingAsync(TimeSpan.FromSeconds(30));

            var paired = await RedisDeployment.ScrapeAsync(survivor, "shadowproxy_shadow_outcomes_total", "outcome", "paired");
            Assert.Equal(24, await deployment.SampledAsync());
            Assert.Equal(24, paired);
            Assert.Equal(24, await deployment.OutcomesAsync());
            Assert.Equal(0, await PendingAsync(db, stream));
            // Exactly once: one evidence record and one drift observation per pair.
            Assert.Equal(24, await db.SortedSetLengthAsync(deployment.EvidenceIndexKey));
            var drift = await RedisDeployment.DriftAsync(gateway);
            Assert.Equal(24, drift["routes"]![0]!["pairs"]!.GetValue<long>());
        }
        finally
        {
            if (!doomed.HasExited)
            {
                doomed.Kill(entireProcessTree: true);
            }
        }
    }

    [Fact]
    public async Task WorkerFrozenMidJob_ItsJobsAreReclaimed_AndWhenItThawsAndFinishesThemNothingCountsTwice()
    {
        await using var deployment = await RedisDeployment.StartAsync();
        // The frozen worker's baseline answers after 2 s, long after its jobs were re-claimed by the other worker.
        await using var slowBaseline = await SimulatorServer.StartAsync(
            new SimulatorOptions { Profile = BuiltInProfiles.Instant with { TimeToFirstToken = TimeSpan.FromSeconds(2) } }, TestContext.Current.CancellationToken);
        var gateway = await deployment.StartReplicaAsync(GatewayRole.Gateway);
        var frozenAdmin = FreePort.ClosedLoopbackUri();
        using var frozen = StartWorkerProcess(deployment, frozenAdmin, slowBaseline.BaseUri, out var stdout, out var stderr);
        try
        {
            Assert.Equal(0, await RedisDeployment.SendAsync([gateway], 12));
            await Eventually.TrueAsync(() => Task.FromResult(slowBaseline.Journal.Count >= 12), TimeSpan.FromSeconds(20), () => $"{slowBaseline.Journal.Count} calls; {stdout}{stderr}");
            await Signal("STOP", frozen.Id);
            var survivor = await deployment.StartReplicaAsync(GatewayRole.Worker);
            await deployment.WaitForAccountingAsync(TimeSpan.FromSeconds(30));
            await Signal("CONT", frozen.Id);
            using var frozenClient = new HttpClient { BaseAddress = frozenAdmin };
            await Eventually.TrueAsync(async () => await RedisPendingAsync(deployment) == 0, TimeSpan.FromSeconds(20), () => $"{stdout}{stderr}");
            await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);

            var frozenMetrics = await frozenClient.GetStringAsync("/metrics", TestContext.Current.CancellationToken);
            Assert.Equal(12, await deployment.SampledAsync());
            Assert.Equal(12, await RedisDeployment.ScrapeAsync(survivor, "shadowproxy_shadow_outcomes_total", "outcome", "paired"));
            Assert.Equal(0, RedisDeployment.ScrapeText(frozenMetrics, "shadowproxy_shadow_outcomes_total"));
            Assert.True(slowBaseline.Journal.Count >= 12 && deployment.Baseline.Journal.Count >= 12, "both workers called a baseline for every job");
            await using var redis = await ConnectionMultiplexer.ConnectAsync(deployment.RedisConnectionString);
            Assert.Equal(12, await redis.GetDatabase().SortedSetLengthAsync(deployment.EvidenceIndexKey));
            Assert.Equal(12, (await RedisDeployment.DriftAsync(gateway))["routes"]![0]!["pairs"]!.GetValue<long>());
        }
        finally
        {
            if (!frozen.HasExited)
            {
                await Signal("CONT", frozen.Id);
                frozen.Kill(entireProcessTree: true);
            }
        }
    }

    [Fact]
    public async Task PairLedger_SecondSettlementOfAPair_IsNotCounted()
    {
        await using var server = await RedisServer.StartAsync();
        var options = Microsoft.Extensions.Options.Options.Create(new RedisOptions { ConnectionString = server.ConnectionString, KeyPrefix = "ledger:" });
        using var connection = new RedisConnection(options);
        var ledger = new RedisPairLedger(connection, options, Microsoft.Extensions.Logging.Abstractions.NullLogger<RedisPairLedger>.Instance);

        Assert.Equal(PairClaim.Won, await ledger.TrySettleAsync("p1", TestContext.Current.CancellationToken));
        Assert.Equal(PairClaim.AlreadySettled, await ledger.TrySettleAsync("p1", TestContext.Current.CancellationToken));
        Assert.Equal(PairClaim.Won, await ledger.TrySettleAsync("p2", TestContext.Current.CancellationToken));

        await server.StopAsync();
        Assert.Equal(PairClaim.Unavailable, await ledger.TrySettleAsync("p3", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task PairLedger_WriteThatLandedWhileItsReplyWasLost_IsClaimedOnRedelivery_Once()
    {
        await using var server = await RedisServer.StartAsync();
        var options = Microsoft.Extensions.Options.Options.Create(new RedisOptions { ConnectionString = server.ConnectionString, KeyPrefix = "ledger:" });
        using var connection = new RedisConnection(options);
        var ledger = new RedisPairLedger(connection, options, Microsoft.Extensions.Logging.Abstractions.NullLogger<RedisPairLedger>.Instance);
        var other = new RedisPairLedger(connection, options, Microsoft.Extensions.Logging.Abstractions.NullLogger<RedisPairLedger>.Instance);
        Assert.Equal(PairClaim.Won, await ledger.TrySettleAsync("warm", TestContext.Current.CancellationToken));
        var owner = (string?)await connection.Database.StringGetAsync(connection.Key("pair:warm:done"));

        await server.StopAsync();
        Assert.Equal(PairClaim.Unavailable, await ledger.TrySettleAsync("lost", TestContext.Current.CancellationToken));
        Assert.Equal(PairClaim.Unavailable, await other.TrySettleAsync("theirs", TestContext.Current.CancellationToken));
        await server.RestartAsync();
        await Eventually.TrueAsync(() => PingsAsync(connection), TimeSpan.FromSeconds(20), () => "Redis answering again");
        // What Redis would hold had each SET landed before the connection dropped.
        await connection.Database.StringSetAsync(connection.Key("pair:lost:done"), owner);
        await connection.Database.StringSetAsync(connection.Key("pair:theirs:done"), "another-worker");

        Assert.Equal(PairClaim.Won, await ledger.TrySettleAsync("lost", TestContext.Current.CancellationToken));
        Assert.Equal(PairClaim.AlreadySettled, await ledger.TrySettleAsync("lost", TestContext.Current.CancellationToken));
        Assert.Equal(PairClaim.AlreadySettled, await other.TrySettleAsync("theirs", TestContext.Current.CancellationToken));
        Assert.Equal(PairClaim.AlreadySettled, await ledger.TrySettleAsync("warm", TestContext.Current.CancellationToken));
    }

    private static async Task<bool> PingsAsync(RedisConnection connection)
    {
        try
        {
            await connection.Database.PingAsync();
            return true;
        }
        catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
        {
            return false;
        }
    }

    /// <summary>A worker as its own OS process (`shadowproxy serve --role worker`) whose baseline is <paramref name="baseline"/>.</summary>
    private static Process StartWorkerProcess(RedisDeployment deployment, Uri admin, Uri baseline, out System.Text.StringBuilder stdout, out System.Text.StringBuilder stderr)
    {
        var settings = deployment.Settings(new Dictionary<string, string?>
        {
            [$"Shadowing:Routes:{RedisDeployment.Route}:Baseline:Address"] = baseline.ToString(),
            [$"Shadowing:Routes:{RedisDeployment.Route}:Baseline:Timeout"] = "00:01:00",
            ["Listeners:Admin"] = admin.ToString().TrimEnd('/'),
        });
        return ProcessRunner.Start("dotnet", [
            Path.Combine(AppContext.BaseDirectory, "shadowproxy.dll"), "serve", "--role", "worker",
            .. settings.Select(s => $"--{s.Key}={s.Value}"),
        ], AppContext.BaseDirectory, out stdout, out stderr);
    }

    private static async Task Signal(string signal, int processId)
    {
        var (exitCode, _, error) = await ProcessRunner.RunAsync("kill", [$"-{signal}", processId.ToString(System.Globalization.CultureInfo.InvariantCulture)], AppContext.BaseDirectory, TimeSpan.FromSeconds(5));
        Assert.True(exitCode == 0, error);
    }

    private static async Task<long> RedisPendingAsync(RedisDeployment deployment)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(deployment.RedisConnectionString);
        return await PendingAsync(redis.GetDatabase(), deployment.KeyPrefix + "queue");
    }

    private static async Task<long> PendingAsync(IDatabase db, string stream)
    {
        try
        {
            return (await db.StreamPendingAsync(stream, "workers")).PendingMessageCount;
        }
        catch (RedisServerException)
        {
            return -1;
        }
    }
}
