using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ShadowProxy.Yarp.Evidence;
using ShadowProxy.Yarp.Hosting;
using ShadowProxy.Yarp.Pairs;
using ShadowProxy.Yarp.Pairs.Judging;
using ShadowProxy.Yarp.Shadowing.Accounting;
using ShadowProxy.Yarp.Shadowing.Admission;
using ShadowProxy.Yarp.Shadowing.Budget;
using ShadowProxy.Yarp.Shadowing.Capture;
using ShadowProxy.Yarp.Shadowing.Dispatch;
using ShadowProxy.Yarp.Shadowing.Policy;
using ShadowProxy.Yarp.Shadowing.Queue;
using ShadowProxy.Yarp.Shadowing.Sampling;
using ShadowProxy.Yarp.Telemetry;

namespace ShadowProxy.Yarp.Shadowing;

internal static class ShadowingServiceCollectionExtensions
{
    /// <summary>Shadowing with in-process defaults; each store is registered with TryAdd so Redis can replace it.</summary>
    public static IServiceCollection AddShadowing(this IServiceCollection services, GatewayRole role)
    {
        services.TryAddSingleton<ShadowPolicyStore>();
        services.TryAddSingleton<SamplingRandom>();
        services.TryAddSingleton(sp => SamplingKeyHash.Create(sp.GetRequiredService<ShadowPolicyStore>().Current.Options, sp.GetRequiredService<ILogger<SamplingKeyHash>>()));
        services.TryAddSingleton<NoiseReplicateQuota>();
        services.TryAddSingleton<ShadowSampler>();
        services.TryAddSingleton<IProcessCpu, ProcessCpu>();
        services.TryAddSingleton<CpuHeadroom>();
        services.TryAddSingleton(sp => new CaptureBudget(sp.GetRequiredService<ShadowPolicyStore>().Current.Options.MaxBufferedBytes));
        services.TryAddSingleton<EvidenceScrubber>();
        services.TryAddSingleton<ShadowAccounting>();
        services.TryAddSingleton<BudgetExhaustion>();
        services.TryAddSingleton<IShadowQueue, InMemoryShadowQueue>();
        services.TryAddSingleton<IShadowBudget, InMemoryShadowBudget>();
        services.TryAddSingleton<IPairLedger, InMemoryPairLedger>();
        services.TryAddSingleton<BaselinePipelines>();
        services.TryAddSingleton<BaselineClient>();
        services.TryAddSingleton(sp => ComparerFactory.Create(sp.GetRequiredService<IOptions<ComparisonOptions>>().Value));
        services.TryAddSingleton<ComparisonProfiles>();
        services.TryAddSingleton<IPairSink, PairRecorder>();
        services.TryAddSingleton<InMemoryPairStore>();
        services.TryAddSingleton<IPairStore>(sp => sp.GetRequiredService<InMemoryPairStore>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPairObserver, InMemoryPairStore>(sp => sp.GetRequiredService<InMemoryPairStore>()));
        services.TryAddSingleton<EvidenceRedactor>();
        services.TryAddSingleton<LlmJudge>();
        services.TryAddSingleton<EmbeddingJudge>();
        services.TryAddSingleton<SecondOpinions>();
        if (role != GatewayRole.Gateway)
        {
            services.AddHostedService<BaselineDispatcher>();
        }

        services.AddHttpClient(BaselineClient.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                AutomaticDecompression = System.Net.DecompressionMethods.All,

                // A redirect would carry the baseline's key (and, for 307/308, the prompt) to wherever it points.
                AllowAutoRedirect = false,
                ConnectTimeout = TimeSpan.FromSeconds(10),
            })
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)

            // The factory's default loggers would write four Information lines per shadow call into the host's logs;
            // shadow calls are counted and traced instead (metrics, spans, EventIds 31xx).
            .RemoveAllLoggers();
        return services;
    }

    /// <summary>The capture step in YARP's pipeline.</summary>
    public static IReverseProxyApplicationBuilder UseShadowCapture(this IReverseProxyApplicationBuilder proxy)
    {
        var queue = proxy.ApplicationServices.GetRequiredService<IShadowQueue>();
        var instrumentation = proxy.ApplicationServices.GetRequiredService<ShadowProxyInstrumentation>();
        var policies = proxy.ApplicationServices.GetRequiredService<ShadowPolicyStore>();
        instrumentation.ObserveQueue(queue);
        instrumentation.ObserveCaptureBudget(proxy.ApplicationServices.GetRequiredService<CaptureBudget>());
        foreach (var route in policies.Current.Routes)
        {
            instrumentation.InitializeRoute(route.RouteId);
        }

        policies.Changed += snapshot =>
        {
            foreach (var route in snapshot.Routes)
            {
                instrumentation.InitializeRoute(route.RouteId);
            }
        };
        proxy.UseMiddleware<ShadowCaptureMiddleware>();
        return proxy;
    }
}
