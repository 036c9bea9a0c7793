using ShadowProxy.Gateway.Hosting;
using ShadowProxy.Yarp.Hosting;

namespace ShadowProxy.Gateway.Tests.Redis;

public sealed class RedisBudgetTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RequestsPerMinute_HoldsGloballyAcrossTwoGatewaysAndTwoWorkers(bool cluster)
    {
        const int perMinute = 15;
        await using var deployment = await RedisDeployment.StartAsync(cluster: cluster);
        var budget = new Dictionary<string, string?> { [$"Shadowing:Routes:{RedisDeployment.Route}:Budget:RequestsPerMinute"] = perMinute.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        GatewayApp[] gateways = [await deployment.StartReplicaAsync(GatewayRole.Gateway, budget), await deployment.StartReplicaAsync(GatewayRole.Gateway, budget)];
        await deployment.StartReplicaAsync(GatewayRole.Worker, budget);
        await deployment.StartReplicaAsync(GatewayRole.Worker, budget);

        var firstMinute = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 60;
        Assert.Equal(0, await RedisDeployment.SendAsync(gateways, 80));
        await deployment.WaitForAccountingAsync(TimeSpan.FromSeconds(30));
        var minutes = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 60 - firstMinute + 1;

        var sampled = await deployment.SampledAsync();
        var paired = await deployment.OutcomesAsync("paired");
        var skipped = await deployment.OutcomesAsync("skipped_budget");
        TestContext.Current.TestOutputHelper?.WriteLine($"sampled {sampled}, paired {paired}, skipped_budget {skipped}, minutes spanned {minutes}");
        Assert.Equal(80, sampled);
        Assert.Equal(sampled, await deployment.OutcomesAsync());
        Assert.Equal(sampled, paired + skipped);
        if (minutes == 1)
        {
            // Each replica alone would have allowed 15; together they allowed exactly 15.
            Assert.Equal(perMinute, paired);
        }
        else
        {
            Assert.InRange(paired, perMinute, perMinute * minutes);
        }
    }
}
