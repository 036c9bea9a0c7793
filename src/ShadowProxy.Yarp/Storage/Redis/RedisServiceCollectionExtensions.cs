using Microsoft.Extensions.DependencyInjection.Extensions;
using ShadowProxy.Core.Drift.Tracking;
using ShadowProxy.Yarp.Pairs;
using ShadowProxy.Yarp.Shadowing.Budget;
using ShadowProxy.Yarp.Shadowing.Dispatch;
using ShadowProxy.Yarp.Shadowing.Queue;

namespace ShadowProxy.Yarp.Storage.Redis;

internal static class RedisServiceCollectionExtensions
{
    /// <summary>
    /// Replaces the in-process queue, budgets, pair ledger, drift windows, probe accuracy, served-model history and
    /// evidence store with shared Redis ones.
    /// Call after the in-memory defaults are registered.
    /// </summary>
    public static IServiceCollection AddRedisStores(this IServiceCollection services)
    {
        services.TryAddSingleton(sp =>
        {
            var connection = ActivatorUtilities.CreateInstance<RedisConnection>(sp);
            sp.GetRequiredService<Telemetry.ShadowProxyInstrumentation>().ObserveRedisConnection(() => connection.IsConnected);
            return connection;
        });
        services.TryAddSingleton<StreamPayloadProtector>();
        services.TryAddSingleton<RedisShadowQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<RedisShadowQueue>());
        services.Replace(ServiceDescriptor.Singleton<IShadowQueue>(sp => sp.GetRequiredService<RedisShadowQueue>()));
        services.Replace(ServiceDescriptor.Singleton<IShadowBudget, RedisShadowBudget>());
        services.Replace(ServiceDescriptor.Singleton<IPairLedger, RedisPairLedger>());
        services.Replace(ServiceDescriptor.Singleton<IDriftWindowStore, RedisDriftWindowStore>());
        services.Replace(ServiceDescriptor.Singleton<Probes.IProbeAccuracyStore, RedisProbeAccuracyStore>());
        services.Replace(ServiceDescriptor.Singleton<Telemetry.IServedModelStore, RedisServedModelStore>());
        services.TryAddSingleton<RedisPairStore>();
        services.Replace(ServiceDescriptor.Singleton<IPairStore>(sp => sp.GetRequiredService<RedisPairStore>()));
        services.RemoveAll<IPairObserver>(static d => d.ImplementationFactory?.Method.ReturnType == typeof(InMemoryPairStore));
        services.AddSingleton<IPairObserver>(sp => sp.GetRequiredService<RedisPairStore>());
        return services;
    }

    private static void RemoveAll<T>(this IServiceCollection services, Func<ServiceDescriptor, bool> match)
    {
        foreach (var descriptor in services.Where(d => d.ServiceType == typeof(T) && match(d)).ToList())
        {
            services.Remove(descriptor);
        }
    }
}
