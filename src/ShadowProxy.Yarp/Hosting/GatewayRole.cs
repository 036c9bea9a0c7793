namespace ShadowProxy.Yarp.Hosting;

/// <summary>What a process does: proxy and enqueue (gateway), call baselines and compare (worker), or both.</summary>
internal enum GatewayRole
{
    All,
    Gateway,
    Worker,
}
