using System.Text.RegularExpressions;
using ShadowProxy.Gateway.Tests.Infrastructure;
using ShadowProxy.Yarp.Telemetry;

namespace ShadowProxy.Gateway.Tests.Telemetry;

[Collection(DriftedGatewayGroup.Name)]
public sealed partial class MetricsEndpointTests(DriftedGatewayFixture fixture)
{
    private static readonly string[] RequiredFamilies =
    [
        "shadowproxy_requests_total", "shadowproxy_request_duration_seconds", "shadowproxy_shadow_decisions_total",
        "shadowproxy_shadow_outcomes_total", "shadowproxy_shadow_queue_depth", "shadowproxy_pairs_total",
        "shadowproxy_answer_agreement_total", "shadowproxy_response_flags_total", "shadowproxy_length_log_ratio",
        "shadowproxy_response_length_chars", "shadowproxy_time_to_first_token_seconds", "shadowproxy_tokens_total",
        "shadowproxy_shadow_cost_usd_total", "shadowproxy_noise_floor_disagreement_ratio", "shadowproxy_drift_state",
        "shadowproxy_drift_p_value", "shadowproxy_served_model_changes_total",
    ];

    [Fact]
    public async Task Metrics_PassPromtoolAndContainEveryFamily()
    {
        var metrics = await ScrapeAsync();
        var file = Path.Combine(Path.GetTempPath(), $"shadowproxy-metrics-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, metrics, TestContext.Current.CancellationToken);

        var (exit, stdout, stderr) = await ProcessRunner.RunAsync("sh", ["-c", $"promtool check metrics < '{file}'"], Path.GetTempPath(), TimeSpan.FromSeconds(30));

        File.Delete(file);
        Assert.True(exit == 0, $"promtool check metrics failed: {stdout}{stderr}");
        Assert.All(RequiredFamilies, family => Assert.Contains($"# TYPE {family} ", metrics, StringComparison.Ordinal));
        Assert.Matches(@"shadowproxy_drift_state\{route=""openai"",model=""gpt-4o"",metric=""code_fenced""\} 2", metrics);
    }

    [Fact]
    public async Task EveryMetricDashboardsAndAlertsUse_ExistsInTheRealOutput()
    {
        var metrics = await ScrapeAsync();
        var exposed = SeriesName().Matches(metrics).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var sources = Directory.GetFiles(Path.Combine(RepoPaths.Root, "grafana", "dashboards"), "*.json")
            .Append(Path.Combine(RepoPaths.Root, "grafana", "alerts", "shadowproxy-alerts.yaml"));

        // Redis-only series are proven by the Redis tests (RedisOutageTests scrapes shadowproxy_redis_connected).
        var referenced = sources.SelectMany(f => ReferencedName().Matches(File.ReadAllText(f)).Select(m => m.Value))
            .Where(static name => name != MetricNames.RedisConnected).ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(referenced);
        Assert.All(referenced, name => Assert.True(exposed.Contains(name), $"{name} is referenced by dashboards/alerts but missing from /metrics"));
    }

    private async Task<string> ScrapeAsync()
    {
        using var admin = fixture.AdminClient(token: null);
        return await admin.GetStringAsync("metrics", TestContext.Current.CancellationToken);
    }

    [GeneratedRegex(@"^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{| )", RegexOptions.Multiline)]
    private static partial Regex SeriesName();

    [GeneratedRegex(@"\b(?:shadowproxy|gen_ai_client|process|dotnet)_[a-z0-9_]+\b")]
    private static partial Regex ReferencedName();
}
