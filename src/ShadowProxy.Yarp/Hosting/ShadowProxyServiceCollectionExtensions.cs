using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ShadowProxy.Yarp.Admin;
using ShadowProxy.Yarp.Admin.Auth;
using ShadowProxy.Yarp.Drift;
using ShadowProxy.Yarp.Hosting.Configuration;
using ShadowProxy.Yarp.Probes;
using ShadowProxy.Yarp.Proxy;
using ShadowProxy.Yarp.Shadowing;
using ShadowProxy.Yarp.Storage.Redis;
using ShadowProxy.Yarp.Telemetry;

namespace ShadowProxy.Yarp.Hosting;

internal static class ShadowProxyServiceCollectionExtensions
{
    /// <summary>Everything <c>AddShadowing</c> registers: options, shadowing, telemetry, drift, probes, admin, stores.</summary>
    public static void AddShadowProxy(this IReverseProxyBuilder proxy, IConfiguration configuration, ShadowingBuilder shadowing)
    {
        var services = proxy.Services;
        services.AddGatewayOptions();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IProxyAddress, ServerProxyAddress>();
        services.AddShadowing(shadowing.Role);
        services.AddShadowProxyTelemetry(configuration);
        services.AddDriftTracking();
        services.AddCanaryProbes();
        services.AddShadowProxyAdmin();
        if (shadowing.RedisEnabled)
        {
            services.AddRedisStores();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RedisOptions>, RedisRequiredValidator>());
        }

        proxy.AddTransforms(ShadowingTransforms.Apply);
    }

    private static void AddShadowProxyAdmin(this IServiceCollection services)
    {
        services.TryAddSingleton<AdminMount>();
        services.TryAddSingleton<AdminCredentials>();
        services.TryAddSingleton<AdminAuthThrottle>();
        services.TryAddEnumerable(ServiceDescriptor.Transient<IStartupFilter, AdminSecurityHeadersStartupFilter>());
        services.AddHealthChecks().AddCheck<RedisHealthCheck>(RedisHealthCheck.Name, tags: [HealthEndpoints.ReadinessTag]);
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, AdminAuthenticationHandler>(
            ShadowProxyAdminDefaults.AuthenticationScheme, displayName: null, static scheme => scheme.ForwardDefaultSelector = AdminAuthenticationDefaults.HostSchemeWithoutToken);
        services.PostConfigure<AuthenticationOptions>(AdminAuthenticationDefaults.KeepHostDefault);
        services.AddAuthorizationBuilder().AddPolicy(ShadowProxyAdminDefaults.Policy, policy => policy
            .AddAuthenticationSchemes(ShadowProxyAdminDefaults.AuthenticationScheme)
            .AddRequirements(new AdminTokenRequirement()));
    }
}
