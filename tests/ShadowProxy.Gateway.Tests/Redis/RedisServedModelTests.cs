using System.Text.Json.Nodes;
using ShadowProxy.Gateway.Hosting;
using ShadowProxy.Gateway.Tests.Infrastructure;
using ShadowProxy.Simulator.Hosting;
using ShadowProxy.Simulator.Profiles;
using ShadowProxy.Yarp.Hosting;

namespace ShadowProxy.Gateway.Tests.Redis;

public sealed class RedisServedModelTests
{
    /// <summary>
    /// The provider swaps the model behind the name while two workers compare pairs: both gateways' explorers show
    /// the same single change, and the change is counted once over all replicas.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ServedModelSwap_IsOneChange_SeenAlikeByEveryReplica(bool cluster)
    {
        await using var deployment = await RedisDeployment.StartAsync(cluster: cluster);
        await using var primary = await SimulatorServer.StartAsync(new SimulatorOptions { Profile = BuiltInProfiles.March }, TestContext.Current.CancellationToken);
        var extra = new Dictionary<string, string?> { ["ReverseProxy:Clusters:openai:Destinations:primary:Address"] = primary.BaseUri.ToString() };
        GatewayApp[] gateways = [await deployment.StartReplicaAsync(GatewayRole.Gateway, extra), await deployment.StartReplicaAsync(GatewayRole.Gateway, extra)];
        await deployment.StartReplicaAsync(GatewayRole.Worker, extra);
        await deployment.StartReplicaAsync(GatewayRole.Worker, extra);

        Assert.Equal(0, await RedisDeployment.SendAsync(gateways, 20));
        await deployment.WaitForAccountingAsync(TimeSpan.FromSeconds(30));
        primary.Profile = BuiltInProfiles.June;
        Assert.Equal(0, await RedisDeployment.SendAsync(gateways, 20, offset: 20));
        await deployment.WaitForAccountingAsync(TimeSpan.FromSeconds(30));

        var views = await Task.WhenAll(gateways.Select(ModelsAsync));
        Assert.Equal(views[0].ToJsonString(), views[1].ToJsonString());
        var change = Assert.Single(views[0]["changes"]!.AsArray(), c => c!["side"]!.GetValue<string>() == "primary")!;
        Assert.Equal((BuiltInProfiles.March.Model, BuiltInProfiles.June.Model), (change["from_model"]!.GetValue<string>(), change["to_model"]!.GetValue<string>()));
        var now = Assert.Single(views[0]["current"]!.AsArray(), c => c!["side"]!.GetValue<string>() == "primary")!;
        Assert.Equal(BuiltInProfiles.June.Model, now["model"]!.GetValue<string>());
        var counted = 0L;
        foreach (var replica in deployment.Replicas)
        {
            counted += await RedisDeployment.ScrapeAsync(replica, "shadowproxy_served_model_changes_total", "side", "primary");
        }

        Assert.Equal(1, counted);
    }

    private static async Task<JsonNode> ModelsAsync(GatewayApp gateway)
    {
        using var admin = gateway.AdminClient();
        return JsonNode.Parse(await admin.GetStringAsync("/admin/api/models", TestContext.Current.CancellationToken))!;
    }
}
