using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ShadowProxy.Core.Drift.Tracking;
using ShadowProxy.Yarp.Pairs;

namespace ShadowProxy.Yarp.Drift;

internal static class DriftServiceCollectionExtensions
{
    /// <summary>Drift windows (in memory unless Redis replaces the store), the evaluator loop and its observer.</summary>
    public static IServiceCollection AddDriftTracking(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<DriftOptions>>().Value);
        services.TryAddSingleton<IDriftWindowStore>(sp => new InMemoryDriftWindowStore(sp.GetRequiredService<DriftOptions>()));
        services.TryAddSingleton(sp => new DriftTracker(sp.GetRequiredService<DriftOptions>(), sp.GetRequiredService<IDriftWindowStore>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<DriftMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<DriftMonitor>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPairObserver, DriftObserver>());
        return services;
    }
}
