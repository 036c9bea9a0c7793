using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Prometheus;
using ShadowProxy.Yarp.Shadowing.Sampling;
using ShadowProxy.Yarp.Telemetry;

namespace ShadowProxy.Benchmarks;

/// <summary>
/// What one metric measurement costs on the request path (every request records its decision, status class and
/// duration): through <see cref="PrometheusMeterBridge"/>, which resolves each labelled series once, against resolving
/// the labels in prometheus-net per measurement, as the bridge did before.
/// </summary>
[MemoryDiagnoser]
public class MeterBridgeBenchmarks : IDisposable
{
    private ServiceProvider _services = null!;
    private ShadowProxyInstrumentation _instrumentation = null!;
    private PrometheusMeterBridge _bridge = null!;
    private Counter _uncached = null!;

    [GlobalSetup]
    public void Setup()
    {
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        _instrumentation = new ShadowProxyInstrumentation(_services.GetRequiredService<IMeterFactory>());
        _bridge = new PrometheusMeterBridge(_instrumentation);
        _uncached = Metrics.WithCustomRegistry(Metrics.NewCustomRegistry()).CreateCounter("uncached_total", "per-measurement label lookup", "route", "decision");
    }

    [Benchmark(Baseline = true)]
    public void DecisionResolvedPerMeasurement() =>
        _uncached.WithLabels(new[] { "openai", ShadowDecision.NotSampled.Name() }).Inc();

    [Benchmark]
    public void DecisionThroughBridge() => _instrumentation.ShadowDecision("openai", ShadowDecision.NotSampled);

    [Benchmark]
    public void ProxiedRequestThroughBridge() => _instrumentation.ProxyRequest("openai", 200, 0.0012);

    [GlobalCleanup]
    public void Dispose()
    {
        _bridge.Dispose();
        _instrumentation.Dispose();
        _services.Dispose();
        GC.SuppressFinalize(this);
    }
}
