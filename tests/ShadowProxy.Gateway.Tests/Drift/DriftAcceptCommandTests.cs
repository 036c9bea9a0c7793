using System.Text;
using System.Text.Json;
using ShadowProxy.Gateway.Commands;
using ShadowProxy.Gateway.Tests.Infrastructure;

namespace ShadowProxy.Gateway.Tests.Drift;

/// <summary>`shadowproxy drift accept` against a running gateway's admin API, as an operator would type it.</summary>
public sealed class DriftAcceptCommandTests
{
    [Fact]
    public async Task DriftAccept_RebasesTheRoute_AndTheExplorerApiShowsTheAuditEntry()
    {
        await using var setup = await RecordingSetup.StartAsync();
        using var client = setup.Gateway.ProxyClient();
        for (var i = 0; i < 10; i++)
        {
            using var content = new StringContent($$"""{"model":"gpt-4o","messages":[{"role":"user","content":"Question {{i}}"}]}""", Encoding.UTF8, "application/json");
            using var response = await client.PostAsync("v1/chat/completions", content, TestContext.Current.CancellationToken);
            response.EnsureSuccessStatusCode();
        }

        await setup.WaitForAccountingAsync();
        var admin = setup.Gateway.AdminUri.ToString();
        var output = new StringWriter();

        var exit = await RunAsync(output, "drift", "accept", "--admin-url", admin, "--route", RecordingSetup.Route, "--reason", "CHG-42: moved to the new model");
        var wrongMetric = await RunAsync(new StringWriter(), "drift", "accept", "--admin-url", admin, "--route", RecordingSetup.Route, "--metric", "length_psi");
        var wrongRoute = await RunAsync(new StringWriter(), "drift", "accept", "--admin-url", admin, "--route", "no-such-route");

        Assert.Equal((ExitCodes.Success, ExitCodes.Failure, ExitCodes.Failure), (exit, wrongMetric, wrongRoute));
        Assert.Contains($"accepted on route {RecordingSetup.Route}", output.ToString(), StringComparison.Ordinal);
        using var adminClient = setup.Gateway.AdminClient();
        using var drift = JsonDocument.Parse(await adminClient.GetStringAsync("admin/api/drift", TestContext.Current.CancellationToken));
        var route = Assert.Single(drift.RootElement.GetProperty("routes").EnumerateArray());
        var audit = Assert.Single(route.GetProperty("acceptances").EnumerateArray());
        Assert.Equal("CHG-42: moved to the new model", audit.GetProperty("reason").GetString());
        Assert.Equal(Environment.UserName, audit.GetProperty("by").GetString());
        Assert.All(route.GetProperty("metrics").EnumerateArray().Where(m => m.GetProperty("evidence").ValueKind == JsonValueKind.Number),
            m => Assert.Equal("warming_up", m.GetProperty("state").GetString()));
    }

    private static Task<int> RunAsync(StringWriter output, params string[] args) =>
        DriftCommand.AcceptAsync(ShadowProxyCommandLine.Create().Parse(args), output, TestContext.Current.CancellationToken);
}
