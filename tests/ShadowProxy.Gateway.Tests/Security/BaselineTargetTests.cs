using System.Net.Sockets;
using System.Text;
using ShadowProxy.Gateway.Tests.Infrastructure;
using ShadowProxy.Yarp.Shadowing.Accounting;

namespace ShadowProxy.Gateway.Tests.Security;

/// <summary>
/// Red-team findings 2 and 3: the request target must never choose where the baseline copy (with the baseline's
/// key) goes. The baseline gets the primary's transformed path, under its own address and path prefix, or nothing.
/// Request targets are written on a raw socket, as an attacker would, so no client library normalizes them.
/// </summary>
public sealed class BaselineTargetTests
{
    private const string Body = """{"model":"gpt-4o","messages":[{"role":"user","content":"Is 17 prime? Answer [Yes] or [No]."}]}""";

    [Fact]
    public async Task AbsoluteUrlInTheRequestTarget_OnACatchAllRoute_NeverReachesThatHost()
    {
        await using var attacker = await RecordingUpstream.StartAsync();
        await using var setup = await RecordingSetup.StartAsync(new Dictionary<string, string?>
        {
            ["ReverseProxy:Routes:openai:Match:Path"] = "{**catch-all}",
        });

        var status = await RawPostAsync(setup.Gateway.ProxyUri, $"/{attacker.BaseUri.ToString().TrimEnd('/')}/x/chat/completions", Body);
        await setup.WaitForAccountingAsync();

        Assert.Equal(200, status);
        Assert.Empty(attacker.Requests);
        var primary = Assert.Single(setup.Primary.Requests);
        var baseline = Assert.Single(setup.Baseline.Requests);
        Assert.Equal(primary.RawTarget, baseline.RawTarget);
        Assert.Equal($"Bearer {ShadowSetup.BaselineKey}", baseline.Headers["Authorization"]);
    }

    [Fact]
    public async Task EncodedBackslashDotSegments_StayBelowTheBaselinesPathPrefix()
    {
        await using var setup = await RecordingSetup.StartAsync(baselinePath: "tenant-a/");

        var status = await RawPostAsync(setup.Gateway.ProxyUri, "/v1/a%5C..%5C..%5Cadmin/chat/completions", Body);
        await setup.WaitForAccountingAsync();

        Assert.Equal(200, status);
        var primary = Assert.Single(setup.Primary.Requests);
        var received = setup.Baseline.Requests.Select(r => r.RawTarget).ToList();
        Assert.All(received, target => Assert.Equal("/tenant-a" + primary.RawTarget, target));
        Assert.DoesNotContain(received, target => target.StartsWith("/admin", StringComparison.Ordinal) || target.StartsWith("/tenant-a/admin", StringComparison.Ordinal));
        Assert.Equal(1, setup.Accounting.TotalOutcomes(RecordingSetup.Route));
    }

    [Fact]
    public async Task RouteThatRewritesThePath_TheBaselineGetsThePathThePrimaryGot()
    {
        await using var setup = await RecordingSetup.StartAsync(new Dictionary<string, string?>
        {
            ["ReverseProxy:Routes:openai:Match:Path"] = "/gateway/{**rest}",
            ["ReverseProxy:Routes:openai:Transforms:1:PathRemovePrefix"] = "/gateway",
            ["ReverseProxy:Routes:openai:Transforms:2:QueryValueParameter"] = "api-version",
            ["ReverseProxy:Routes:openai:Transforms:2:Append"] = "2024-10-21",
        });

        var status = await RawPostAsync(setup.Gateway.ProxyUri, "/gateway/v1/chat/completions", Body);
        await setup.WaitForAccountingAsync();

        Assert.Equal(200, status);
        Assert.Equal("/v1/chat/completions?api-version=2024-10-21", Assert.Single(setup.Primary.Requests).RawTarget);
        Assert.Equal("/v1/chat/completions?api-version=2024-10-21", Assert.Single(setup.Baseline.Requests).RawTarget);
        Assert.Equal(1, setup.Accounting.Outcomes(RecordingSetup.Route, ShadowOutcome.Paired));
    }

    /// <summary>Sends the request target exactly as written and returns the status code.</summary>
    internal static async Task<int> RawPostAsync(Uri gateway, string target, string body)
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync(gateway.Host, gateway.Port, TestContext.Current.CancellationToken);
        await using var stream = socket.GetStream();
        var bytes = Encoding.UTF8.GetBytes(body);
        var head = $"POST {target} HTTP/1.1\r\nHost: {gateway.Authority}\r\nContent-Type: application/json\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), TestContext.Current.CancellationToken);
        await stream.WriteAsync(bytes, TestContext.Current.CancellationToken);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var statusLine = await reader.ReadLineAsync(TestContext.Current.CancellationToken) ?? string.Empty;
        await reader.ReadToEndAsync(TestContext.Current.CancellationToken);
        return int.Parse(statusLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
