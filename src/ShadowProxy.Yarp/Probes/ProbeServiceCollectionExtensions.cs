using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ShadowProxy.Yarp.Probes;

internal static class ProbeServiceCollectionExtensions
{
    public static IServiceCollection AddCanaryProbes(this IServiceCollection services)
    {
        services.TryAddSingleton<ProbeRegistry>();
        services.TryAddSingleton<IProbeAccuracyStore, InMemoryProbeAccuracyStore>();
        services.TryAddSingleton<ProbeGrading>();
        services.AddHostedService<ProbeScheduler>();
        return services;
    }
}
