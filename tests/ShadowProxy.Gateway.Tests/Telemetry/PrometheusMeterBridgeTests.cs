using ShadowProxy.Yarp.Shadowing.Accounting;
using ShadowProxy.Yarp.Shadowing.Sampling;
using ShadowProxy.Yarp.Telemetry;

namespace ShadowProxy.Gateway.Tests.Telemetry;

/// <summary>
/// The bridge resolves each labelled series once and reuses it: interleaved label sets must still land on their own
/// series, and label sets it does not cache (non-string values, more than three labels) still count.
/// </summary>
public sealed class PrometheusMeterBridgeTests
{
    [Fact]
    public async Task InterleavedLabelSets_EachCountOnTheirOwnSeries()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var instrumentation = new ShadowProxyInstrumentation(services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
        using var bridge = new PrometheusMeterBridge(instrumentation);

        for (var i = 0; i < 30; i++)
        {
            instrumentation.ShadowDecision(i % 3 == 0 ? "anthropic" : "openai", i % 2 == 0 ? ShadowDecision.Sampled : ShadowDecision.NotSampled);
            instrumentation.ShadowOutcome("openai", ShadowOutcome.DroppedCpuLimit);
            instrumentation.ProxyRequest("openai", 200 + (i % 2 * 300), 0.01);
        }

        var text = await ExportAsync(bridge);

        Assert.Contains("shadowproxy_shadow_decisions_total{route=\"openai\",decision=\"sampled\"} 10", text, StringComparison.Ordinal);
        Assert.Contains("shadowproxy_shadow_decisions_total{route=\"openai\",decision=\"not_sampled\"} 10", text, StringComparison.Ordinal);
        Assert.Contains("shadowproxy_shadow_decisions_total{route=\"anthropic\",decision=\"sampled\"} 5", text, StringComparison.Ordinal);
        Assert.Contains("shadowproxy_shadow_decisions_total{route=\"anthropic\",decision=\"not_sampled\"} 5", text, StringComparison.Ordinal);
        Assert.Contains("shadowproxy_shadow_outcomes_total{route=\"openai\",outcome=\"dropped_cpu_limit\"} 30", text, StringComparison.Ordinal);
        Assert.Contains("shadowproxy_requests_total{route=\"openai\",code=\"2xx\"} 15", text, StringComparison.Ordinal);
        Assert.Contains("shadowproxy_requests_total{route=\"openai\",code=\"5xx\"} 15", text, StringComparison.Ordinal);
        Assert.Contains("shadowproxy_request_duration_seconds_count{route=\"openai\"} 30", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LabelSetsOutsideTheCache_StillCount()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var instrumentation = new ShadowProxyInstrumentation(services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
        using var bridge = new PrometheusMeterBridge(instrumentation);
        var numbered = instrumentation.Meter.CreateCounter<long>("bridge_test_numbered");
        var wide = instrumentation.Meter.CreateCounter<long>("bridge_test_wide");

        for (var i = 0; i < 4; i++)
        {
            numbered.Add(1, new KeyValuePair<string, object?>("shard", i % 2));
            wide.Add(2, new("a", "1"), new("b", "2"), new("c", "3"), new("d", i % 2 == 0 ? "even" : "odd"));
        }

        var text = await ExportAsync(bridge);

        Assert.Contains("bridge_test_numbered_total{shard=\"0\"} 2", text, StringComparison.Ordinal);
        Assert.Contains("bridge_test_numbered_total{shard=\"1\"} 2", text, StringComparison.Ordinal);
        Assert.Contains("bridge_test_wide_total{a=\"1\",b=\"2\",c=\"3\",d=\"even\"} 4", text, StringComparison.Ordinal);
        Assert.Contains("bridge_test_wide_total{a=\"1\",b=\"2\",c=\"3\",d=\"odd\"} 4", text, StringComparison.Ordinal);
    }

    private static async Task<string> ExportAsync(PrometheusMeterBridge bridge)
    {
        using var stream = new MemoryStream();
        await bridge.Registry.CollectAndExportAsTextAsync(stream, TestContext.Current.CancellationToken);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
