using System.Diagnostics;
using ShadowProxy.Gateway.Hosting;
using ShadowProxy.Gateway.Shadowing.Dispatch;
using ShadowProxy.Gateway.Storage.Redis;
using ShadowProxy.Gateway.Tests.Infrastructure;
using ShadowProxy.Simulator.Hosting;
using ShadowProxy.Simulator.Profiles;
using StackExchange.Redis;

namespace ShadowProxy.Gateway.Tests.Redis;

public sealed class RedisWorkerFailureTests
{
    [Fact]
    public async Task WorkerKilledMidJob_ItsPendingJobsAreReclaimed_AndComparedExactlyOnce()
    {
        await using var deployment = await RedisDeployment.StartAsync();
        // The doomed worker's own config points its baseline at one that never answers, so it dies holding jobs.
        await using var hanging = await SimulatorServer.StartAsync(
            new SimulatorOptions { Profile = BuiltInProfiles.Instant with { Faults = new FaultProfile { Hang = 1 } } }, TestContext.Current.CancellationToken);
        var gateway = await deployment.StartReplicaAsync(GatewayRole.Gateway);
        var adminUri = FreePort.ClosedLoopbackUri();
        var settings = deployment.Settings(new Dictionary<string, string?>
        {
            [$"Shadowing:Routes:{RedisDeployment.Route}:Baseline:Address"] = hanging.BaseUri.ToString(),
            [$"Shadowing:Routes:{RedisDeployment.Route}:Baseline:Timeout"] = "00:01:00",
            ["Listeners:Admin"] = adminUri.ToString().TrimEnd('/'),
        });
        using var doomed = ProcessRunner.Start("dotnet", [
            Path.Combine(AppContext.BaseDirectory, "shadowproxy.dll"), "serve", "--role", "worker",
            .. settings.Select(s => $"--{s.Key}={s.Value}"),
        ], AppContext.BaseDirectory, out var stdout, out var stderr);
        try
        {
            await using var redis = await ConnectionMultiplexer.ConnectAsync(deployment.Redis.ConnectionString);
            var db = redis.GetDatabase();
            var stream = deployment.KeyPrefix + "queue";
            Assert.Equal(0, await RedisDeployment.SendAsync([gateway], 24));
            await WaitUntilAsync(async () => (await PendingAsync(db, stream)) == 24, TimeSpan.FromSeconds(20), () => $"{stdout}{stderr}");

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
            Assert.Equal(24, await db.SortedSetLengthAsync(deployment.KeyPrefix + "evidence:index"));
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

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan limit, Func<string> diagnostics)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < limit, $"Condition not met within {limit}: {diagnostics()}");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
