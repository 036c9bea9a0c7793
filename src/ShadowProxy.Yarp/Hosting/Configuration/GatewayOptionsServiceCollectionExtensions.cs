using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ShadowProxy.Yarp.Hosting.Configuration;

internal static class GatewayOptionsServiceCollectionExtensions
{
    /// <summary>
    /// Binds every section the gateway owns (<see cref="KnownSettings.Sections"/>) with its validator, validated on
    /// start, so a host that embeds the gateway fails to start on a bad value just as the executable does.
    /// </summary>
    public static IServiceCollection AddGatewayOptions(this IServiceCollection services)
    {
        services.AddValidated<ListenerOptions, ListenerOptionsValidator>(ListenerOptions.Section);
        services.AddValidated<UpstreamOptions, UpstreamOptionsValidator>(UpstreamOptions.Section);
        services.AddValidated<AdminOptions, AdminOptionsValidator>(AdminOptions.Section);
        services.AddValidated<Shadowing.Policy.ShadowingOptions, Shadowing.Policy.ShadowingOptionsValidator>(Shadowing.Policy.ShadowingOptions.Section);
        services.AddValidated<Pairs.ComparisonOptions, Pairs.ComparisonOptionsValidator>(Pairs.ComparisonOptions.Section);
        services.AddValidated<Core.Drift.Tracking.DriftOptions, Drift.DriftOptionsValidator>(Core.Drift.Tracking.DriftOptions.Section);
        services.AddValidated<Admin.ReadinessOptions, Admin.ReadinessOptionsValidator>(Admin.ReadinessOptions.Section);
        services.AddValidated<Evidence.EvidenceOptions, Evidence.EvidenceOptionsValidator>(Evidence.EvidenceOptions.Section);
        services.AddValidated<Storage.Redis.RedisOptions, Storage.Redis.RedisOptionsValidator>(Storage.Redis.RedisOptions.Section);
        services.AddValidated<Telemetry.TelemetryOptions, Telemetry.TelemetryOptionsValidator>(Telemetry.TelemetryOptions.Section);
        services.AddValidated<Probes.ProbesOptions, Probes.ProbesOptionsValidator>(Probes.ProbesOptions.Section);
        return services;
    }

    private static void AddValidated<TOptions, TValidator>(this IServiceCollection services, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
    }
}
