using System.Text.RegularExpressions;
using ShadowProxy.Gateway.Tests.Infrastructure;

namespace ShadowProxy.Gateway.Tests.Security;

/// <summary>
/// Red-team finding 9: any model name with an allowed prefix became a label, so a client naming 1,500 `gpt-…`
/// models made ~96,000 series. Past `Telemetry:MaxModelLabels` distinct names, the rest are `other`, in metrics and
/// in drift keys alike.
/// </summary>
public sealed partial class LabelCardinalityTests
{
    [Fact]
    public async Task ManyInventedModelNames_ProduceABoundedLabelSet()
    {
        await using var setup = await RecordingSetup.StartAsync(new Dictionary<string, string?> { ["Telemetry:MaxModelLabels"] = "20" });
        using var client = setup.Gateway.ProxyClient();

        for (var i = 0; i < 300; i++)
        {
            using var response = await client.SendAsync(
                MirroringScopeTests.Chat($$"""{"model":"gpt-invented-{{i}}","messages":[{"role":"user","content":"hi"}]}"""), TestContext.Current.CancellationToken);
        }

        await setup.WaitForAccountingAsync();
        using var admin = setup.Gateway.AdminClient();
        var metrics = await admin.GetStringAsync("metrics", TestContext.Current.CancellationToken);
        var drift = await admin.GetStringAsync("admin/api/drift?refresh=true", TestContext.Current.CancellationToken);

        var labels = ModelLabel().Matches(metrics).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("other", labels);
        Assert.InRange(labels.Count(l => l.StartsWith("gpt-invented-", StringComparison.Ordinal)), 1, 20);
        using var report = System.Text.Json.JsonDocument.Parse(drift);
        var driftKeys = report.RootElement.GetProperty("routes").EnumerateArray().Select(r => r.GetProperty("primary_model").GetString()!).ToList();
        Assert.Contains("other", driftKeys);
        Assert.InRange(driftKeys.Count, 2, 21);
    }

    [GeneratedRegex(@"model=""([^""]*)""")]
    private static partial Regex ModelLabel();
}
