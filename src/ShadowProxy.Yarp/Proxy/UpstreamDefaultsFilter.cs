using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace ShadowProxy.Yarp.Proxy;

/// <summary>Gives clusters that don't set one the long activity timeout LLM calls need (YARP's default is 100 s).</summary>
internal sealed class UpstreamDefaultsFilter(IOptionsMonitor<Hosting.UpstreamOptions> options) : IProxyConfigFilter
{
    public ValueTask<ClusterConfig> ConfigureClusterAsync(ClusterConfig cluster, CancellationToken cancel)
    {
        if (cluster.HttpRequest?.ActivityTimeout is not null)
        {
            return ValueTask.FromResult(cluster);
        }

        var request = (cluster.HttpRequest ?? ForwarderRequestConfig.Empty) with { ActivityTimeout = options.CurrentValue.ActivityTimeout };
        return ValueTask.FromResult(cluster with { HttpRequest = request });
    }

    public ValueTask<RouteConfig> ConfigureRouteAsync(RouteConfig route, ClusterConfig? cluster, CancellationToken cancel) =>
        ValueTask.FromResult(route);
}
