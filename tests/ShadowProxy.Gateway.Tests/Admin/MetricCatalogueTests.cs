using System.Text.Json;
using ShadowProxy.Core.Drift.Tracking;
using ShadowProxy.Gateway.Tests.Infrastructure;

namespace ShadowProxy.Gateway.Tests.Admin;

/// <summary>The drift metric catalogue is the one list: the API serves it, and docs/metrics.md must match it row for row.</summary>
public sealed class MetricCatalogueTests
{
    [Fact]
    public async Task MetricsApi_ServesEveryCatalogueEntry_InOrder()
    {
        await using var gateway = await TestGateway.StartAsync(new Uri("http://127.0.0.1:9/"), new Dictionary<string, string?>());
        using var admin = gateway.AdminClient();

        using var document = JsonDocument.Parse(await admin.GetStringAsync("admin/api/metrics", TestContext.Current.CancellationToken));

        var served = document.RootElement.GetProperty("metrics").EnumerateArray().ToList();
        Assert.Equal(DriftMetricCatalogue.All.Select(static d => d.Name), served.Select(static m => m.GetProperty("name").GetString()));
        Assert.All(served, m => Assert.False(string.IsNullOrWhiteSpace(m.GetProperty("description").GetString())));
        Assert.Contains(served, m => m.GetProperty("name").GetString() == DriftMetricNames.ToolNameDisagreement && m.GetProperty("unit").GetString() == "ratio");
    }

    [Fact]
    public void MetricsDoc_HasOneRowPerCatalogueEntry()
    {
        var doc = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "metrics.md"));

        Assert.All(DriftMetricCatalogue.All, d => Assert.Contains($"| `{d.Name}` | {d.Unit} | {d.Test} | {d.Description} |", doc, StringComparison.Ordinal));
    }

    [Fact]
    public void Explorer_NamesNoMetricItself()
    {
        var modules = Directory.GetFiles(Path.Combine(RepoPaths.Root, "src", "ShadowProxy.Yarp", "Admin", "wwwroot"), "*.js");
        var script = string.Concat(modules.Select(File.ReadAllText));

        Assert.Contains("api/metrics", script, StringComparison.Ordinal);
        Assert.DoesNotContain("length_psi", script, StringComparison.Ordinal);
        Assert.DoesNotContain("answer_disagreement", script, StringComparison.Ordinal);
    }
}
