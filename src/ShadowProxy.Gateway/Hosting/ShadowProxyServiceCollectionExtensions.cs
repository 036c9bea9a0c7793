using Microsoft.Extensions.DependencyInjection.Extensions;
using ShadowProxy.Gateway.Hosting.Configuration;
using ShadowProxy.Gateway.Hosting.Listeners;
using ShadowProxy.Gateway.Drift;
using ShadowProxy.Gateway.Probes;
using ShadowProxy.Gateway.Proxy;
using ShadowProxy.Gateway.Shadowing;
using ShadowProxy.Gateway.Storage.Redis;
using ShadowProxy.Gateway.Telemetry;

namespace ShadowProxy.Gateway.Hosting;

internal static class ShadowProxyServiceCollectionExtensions
{
    /// <summary>Registers the gateway: YARP from the `ReverseProxy` section and the listener split.</summary>
    public static IReverseProxyBuilder AddShadowProxy(this IServiceCollection services, IConfiguration configuration, GatewayRole role = GatewayRole.All)
    {
        services.AddGatewayOptions();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<MatcherPolicy, ListenerMatcherPolicy>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<Admin.AdminCredentials>();
        services.TryAddSingleton<Admin.AdminAuthThrottle>();
        services.AddShadowing(role);
        services.AddShadowProxyTelemetry(configuration);
        services.AddDriftTracking();
        services.AddCanaryProbes();
        if (!string.IsNullOrEmpty(configuration[$"{RedisOptions.Section}:{nameof(RedisOptions.ConnectionString)}"]))
        {
            services.AddRedisStores(configuration);
        }

        return services.AddReverseProxy()
            .LoadFromConfig(configuration.GetSection("ReverseProxy"))
            .AddConfigFilter<UpstreamDefaultsFilter>()
            .AddTransforms(GatewayTransforms.Apply);
    }
}
