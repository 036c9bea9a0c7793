using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using ShadowProxy.Yarp.Pairs;

namespace ShadowProxy.Yarp.Telemetry;

internal static class TelemetryServiceCollectionExtensions
{
    /// <summary>Metrics for Prometheus, pair observers, and OpenTelemetry export when OTEL_EXPORTER_OTLP_ENDPOINT is set.</summary>
    public static IServiceCollection AddShadowProxyTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton<ShadowProxyInstrumentation>();
        services.TryAddSingleton<GenAiConventions>();
        services.TryAddSingleton<ModelNameAllowList>();
        services.TryAddSingleton<PrometheusMeterBridge>();
        services.TryAddSingleton<IServedModelStore, InMemoryServedModelStore>();
        services.TryAddSingleton<ServedModelTracker>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPairObserver, PairMetricsObserver>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPairObserver, ServedModelTracker>(sp => sp.GetRequiredService<ServedModelTracker>()));

        if (!string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            // Only with an exporter: without a listener, activities and their tags cost nothing on the hot path.
            services.AddOpenTelemetry()
                .ConfigureResource(resource =>
                {
                    // The SDK reads OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES itself; name the service only when they do not.
                    if (string.IsNullOrEmpty(configuration["OTEL_SERVICE_NAME"])
                        && configuration["OTEL_RESOURCE_ATTRIBUTES"]?.Contains("service.name=", StringComparison.Ordinal) != true)
                    {
                        resource.AddService("shadowproxy");
                    }
                })
                .WithTracing(tracing => tracing
                    .AddSource(ShadowProxyInstrumentation.ActivitySourceName)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddOtlpExporter())
                .WithMetrics(metrics => metrics.AddMeter(ShadowProxyInstrumentation.MeterName).AddOtlpExporter());
        }

        return services;
    }
}
