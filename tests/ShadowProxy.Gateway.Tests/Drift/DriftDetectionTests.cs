using System.Net;
using System.Text.Json;
using ShadowProxy.Core.Drift.Tracking;
using ShadowProxy.Gateway.Tests.Infrastructure;

namespace ShadowProxy.Gateway.Tests.Drift;

[Collection(DriftedGatewayGroup.Name)]
public sealed class DriftDetectionTests(DriftedGatewayFixture fixture)
{
    private static readonly string[] Touched = ["code_fenced", "length_log_ratio", "answer_disagreement", "refusal"];
    private static readonly string[] Untouched = ["json_valid", "schema_valid", "truncated", "answer_extracted"];

    [Fact]
    public void BeforeTheSwap_NothingDrifts()
    {
        var states = fixture.ReportBeforeSwitch.Keys.SelectMany(k => k.Metrics).Where(m => m.State == DriftState.Drift).Select(m => m.Name);

        Assert.Empty(states);
    }

    [Fact]
    public void AfterTheSwap_TheMetricsTheChangeTouched_DriftAndTheOthersDoNot()
    {
        var metrics = Assert.Single(fixture.FinalReport.Keys).Metrics.ToDictionary(m => m.Name);
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(", ", Touched.Select(name => $"{name} {metrics[name].Evidence:F1} ({metrics[name].Pairs} pairs)")));

        Assert.All(Touched, name => Assert.True(metrics[name].State == DriftState.Drift, $"{name}: {metrics[name]}"));
        Assert.All(Untouched, name => Assert.True(metrics[name].State != DriftState.Drift, $"{name}: {metrics[name]}"));
        Assert.All(Touched, name => Assert.NotNull(metrics[name].PairsAtDetection));
    }

    [Fact]
    public async Task DriftApi_ReportsMetricsNoiseFloorAndTheServedModelSwap()
    {
        using var admin = fixture.AdminClient();

        using var document = JsonDocument.Parse(await admin.GetStringAsync("admin/api/drift?refresh=true", TestContext.Current.CancellationToken));

        var route = Assert.Single(document.RootElement.GetProperty("routes").EnumerateArray());
        Assert.Equal("openai", route.GetProperty("route").GetString());
        Assert.Equal("gpt-4o", route.GetProperty("primary_model").GetString());
        Assert.Equal("drift", route.GetProperty("state").GetString());
        Assert.True(route.GetProperty("noise_floor").GetProperty("pairs").GetInt64() > 50);
        var codeFenced = route.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "code_fenced");
        Assert.Equal("drift", codeFenced.GetProperty("state").GetString());
        Assert.True(codeFenced.GetProperty("primary").GetDouble() > codeFenced.GetProperty("baseline").GetDouble());
        Assert.Contains(route.GetProperty("served_model_events").EnumerateArray(), e =>
            e.GetProperty("side").GetString() == "primary" && e.GetProperty("to_model").GetString() == "gpt-sim-0613");
    }

    [Fact]
    public async Task Readiness_PassedBeforeTheSwap_AndFailsAfter()
    {
        using var admin = fixture.AdminClient();

        using var response = await admin.GetAsync("admin/api/readiness?route=openai&refresh=true", TestContext.Current.CancellationToken);
        using var verdict = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.True(fixture.ReadinessBeforeSwitch.Pass, string.Join("; ", fixture.ReadinessBeforeSwitch.Reasons));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.False(verdict.RootElement.GetProperty("pass").GetBoolean());
        Assert.Contains(verdict.RootElement.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.Contains("drift on", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("json")]
    [InlineData("table")]
    public async Task ReportCommand_PrintsTheReplayShapedTableForTheRunningGateway(string format)
    {
        var parse = ShadowProxy.Gateway.Commands.ShadowProxyCommandLine.Create().Parse(
            ["report", "--admin-url", fixture.Gateway.AdminUri.ToString(), "--token", DriftedGatewayFixture.AdminToken, "--format", format]);
        var output = new StringWriter();

        var exit = await ShadowProxy.Gateway.Commands.ReportCommand.RunAsync(parse, output, TestContext.Current.CancellationToken);

        Assert.Equal(0, exit);
        if (format == "table")
        {
            Assert.Matches(@"code_fence_rate\s.*DRIFT", output.ToString());
            return;
        }

        using var json = JsonDocument.Parse(output.ToString());
        var report = Assert.Single(json.RootElement.EnumerateArray());
        var metrics = report.GetProperty("metrics").EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!);
        Assert.True(metrics["code_fence_rate"].GetProperty("drift").GetBoolean());
        Assert.True(metrics["answer_mismatch"].GetProperty("drift").GetBoolean());
        Assert.False(metrics["json_valid_rate"].GetProperty("drift").GetBoolean());
    }

    [Theory]
    [InlineData("drift", 3)]
    [InlineData("none", 0)]
    public async Task ReportCommand_FailOnDrift_ExitsThreeWhenAMetricIsInDrift(string failOn, int expected)
    {
        var parse = ShadowProxy.Gateway.Commands.ShadowProxyCommandLine.Create().Parse(
            ["report", "--admin-url", fixture.Gateway.AdminUri.ToString(), "--token", DriftedGatewayFixture.AdminToken, "--fail-on", failOn]);
        var output = new StringWriter();

        var exit = await ShadowProxy.Gateway.Commands.ReportCommand.RunAsync(parse, output, TestContext.Current.CancellationToken);

        Assert.Equal(expected, exit);
        Assert.Matches(@"code_fence_rate\s.*DRIFT", output.ToString());
    }

    [Fact]
    public async Task ReportCommand_WithoutTheToken_FailsClearly()
    {
        var parse = ShadowProxy.Gateway.Commands.ShadowProxyCommandLine.Create().Parse(["report", "--admin-url", fixture.Gateway.AdminUri.ToString()]);

        var exit = await ShadowProxy.Gateway.Commands.ReportCommand.RunAsync(parse, TextWriter.Null, TestContext.Current.CancellationToken);

        Assert.Equal(1, exit);
    }

    [Fact]
    public async Task CanaryProbes_GiveEveryModelAGroundTruthAccuracy()
    {
        using var admin = fixture.AdminClient();

        using var document = JsonDocument.Parse(await admin.GetStringAsync("admin/api/drift", TestContext.Current.CancellationToken));

        var probes = Assert.Single(document.RootElement.GetProperty("routes").EnumerateArray()).GetProperty("probes").EnumerateArray().ToList();
        Assert.NotEmpty(probes);
        Assert.True(probes.Sum(p => p.GetProperty("probes").GetInt64()) >= 10);
        Assert.All(probes, p =>
        {
            Assert.InRange(p.GetProperty("primary_accuracy").GetDouble(), 0, 1);
            Assert.InRange(p.GetProperty("baseline_accuracy").GetDouble(), 0, 1);
        });
        var metrics = await admin.GetStringAsync("metrics", TestContext.Current.CancellationToken);
        Assert.Matches(@"shadowproxy_probe_results_total\{route=""openai"",suite=""[a-z_]+"",side=""baseline"",result=""correct""\} [1-9]", metrics);
    }
}
