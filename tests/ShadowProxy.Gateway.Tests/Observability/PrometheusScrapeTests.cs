using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using ShadowProxy.Gateway.Tests.Infrastructure;

namespace ShadowProxy.Gateway.Tests.Observability;

/// <summary>A real Prometheus scrapes the drifted gateway; every dashboard panel's query must return data.</summary>
[Collection(DriftedGatewayGroup.Name)]
public sealed partial class PrometheusScrapeTests(DriftedGatewayFixture fixture)
{
    [Fact]
    public async Task EveryDashboardPanelQuery_ReturnsDataFromARealPrometheus()
    {
        var dir = Directory.CreateTempSubdirectory("shadowproxy-prometheus-");
        var port = FreePort.ClosedLoopbackUri().Port;
        var config = Path.Combine(dir.FullName, "prometheus.yml");
        await File.WriteAllTextAsync(config, $"""
            global: {"{"} scrape_interval: 1s, evaluation_interval: 1s {"}"}
            scrape_configs:
              - job_name: shadowproxy
                static_configs: [{"{"} targets: ['{fixture.Gateway.AdminUri.Authority}'] {"}"}]
            """, TestContext.Current.CancellationToken);
        using var prometheus = ProcessRunner.Start("prometheus",
            [$"--config.file={config}", $"--storage.tsdb.path={Path.Combine(dir.FullName, "data")}", $"--web.listen-address=127.0.0.1:{port}", "--log.level=warn"],
            dir.FullName, out _, out var stderr);
        try
        {
            using var api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };
            await WaitForScrapesAsync(api, prometheus, stderr);

            var failures = new List<string>();
            foreach (var (panel, expr) in PanelQueries())
            {
                var result = await QueryAsync(api, Substitute(expr));
                if (result is not { } series || series.GetArrayLength() == 0)
                {
                    failures.Add($"{panel}: {expr}");
                }
            }

            Assert.True(failures.Count == 0, "panels without data:\n" + string.Join('\n', failures));
        }
        finally
        {
            prometheus.Kill(entireProcessTree: true);
            await prometheus.WaitForExitAsync(CancellationToken.None);
            dir.Delete(recursive: true);
        }
    }

    private static async Task WaitForScrapesAsync(HttpClient api, Process prometheus, System.Text.StringBuilder stderr)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            Assert.False(prometheus.HasExited, $"prometheus exited: {stderr}");
            try
            {
                // Listening comes before ready: until then the API answers 503 with a plain-text body.
                using var ready = await api.GetAsync("-/ready", TestContext.Current.CancellationToken);
                if (!ready.IsSuccessStatusCode)
                {
                    await Task.Delay(500, timeout.Token);
                    continue;
                }

                var scrapes = await QueryAsync(api, "count_over_time(up{job=\"shadowproxy\"}[1m])");
                if (scrapes is { } s && s.GetArrayLength() > 0 && double.Parse(s[0].GetProperty("value")[1].GetString()!, System.Globalization.CultureInfo.InvariantCulture) >= 12)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(500, timeout.Token);
        }
    }

    private static async Task<JsonElement?> QueryAsync(HttpClient api, string query)
    {
        using var response = await api.GetAsync($"api/v1/query?query={Uri.EscapeDataString(query)}", TestContext.Current.CancellationToken);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.True(document.RootElement.GetProperty("status").GetString() == "success", $"query failed: {query}: {document.RootElement}");
        return document.RootElement.GetProperty("data").GetProperty("result").Clone();
    }

    private static IEnumerable<(string Panel, string Expr)> PanelQueries()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Root, "grafana", "dashboards"), "*.json"))
        {
            using var dashboard = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var query in Panels(dashboard.RootElement.GetProperty("panels")))
            {
                yield return query;
            }
        }
    }

    private static IEnumerable<(string Panel, string Expr)> Panels(JsonElement panels)
    {
        foreach (var panel in panels.EnumerateArray())
        {
            if (panel.TryGetProperty("panels", out var nested))
            {
                foreach (var query in Panels(nested))
                {
                    yield return query;
                }
            }

            if (!panel.TryGetProperty("targets", out var targets))
            {
                continue;
            }

            foreach (var target in targets.EnumerateArray())
            {
                if (target.TryGetProperty("expr", out var expr) && expr.GetString() is { Length: > 0 } text)
                {
                    yield return (panel.GetProperty("title").GetString()!, text);
                }
            }
        }
    }

    /// <summary>What Grafana would send with "All" selected and a short refresh: every variable matches anything.</summary>
    private static string Substitute(string expr) =>
        Variable().Replace(expr.Replace("$__rate_interval", "10s", StringComparison.Ordinal).Replace("$__range", "5m", StringComparison.Ordinal).Replace("$__interval", "5s", StringComparison.Ordinal), ".*");

    [GeneratedRegex(@"\$\{?(route|model|instance|namespace|job)\}?")]
    private static partial Regex Variable();
}
