using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ShadowProxy.Gateway.Tests.Infrastructure;
using ShadowProxy.Yarp.Shadowing.Accounting;

namespace ShadowProxy.Gateway.Tests.Security;

/// <summary>
/// Red-team findings 4 and 5: only exchanges the primary answered successfully are mirrored, copies are capped, and
/// the baseline client never follows a redirect with the baseline's key.
/// </summary>
public sealed class MirroringScopeTests
{
    private const string Body = """{"model":"gpt-4o","n":8,"max_tokens":4096,"messages":[{"role":"user","content":"Is 17 prime? Answer [Yes] or [No]."}]}""";

    [Theory]
    [InlineData(401, "primary_4xx")]
    [InlineData(429, "primary_4xx")]
    [InlineData(500, "primary_5xx")]
    [InlineData(503, "primary_5xx")]
    [InlineData(302, "primary_other_status")]
    public async Task PrimaryThatDidNotAnswer2xx_IsNeverMirrored_AndCountedByStatusClass(int status, string outcome)
    {
        var expected = Enum.GetValues<ShadowOutcome>().Single(o => o.Name() == outcome);
        await using var setup = await RecordingSetup.StartAsync();
        setup.Primary.Respond = (context, _) =>
        {
            context.Response.StatusCode = status;
            return context.Response.WriteAsync("""{"error":{"message":"no","type":"invalid_request_error"}}""", context.RequestAborted);
        };
        using var client = setup.Gateway.ProxyClient();

        for (var i = 0; i < 20; i++)
        {
            using var request = Chat(Body);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "sk-invalid-client-key");
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.Equal(status, (int)response.StatusCode);
        }

        await setup.WaitForAccountingAsync();
        Assert.Empty(setup.Baseline.Requests);
        Assert.Equal(20, setup.Accounting.Outcomes(RecordingSetup.Route, expected));
        Assert.Equal(20, setup.Accounting.TotalOutcomes(RecordingSetup.Route));
        Assert.Empty(setup.Pairs.Recent);
    }

    [Fact]
    public async Task BaselineCopy_CapsNAndOutputTokens_ByRoutePolicy()
    {
        await using var setup = await RecordingSetup.StartAsync(new Dictionary<string, string?>
        {
            ["Shadowing:Routes:openai:Baseline:MaxOutputTokens"] = "512",
        });
        using var client = setup.Gateway.ProxyClient();

        using var response = await client.SendAsync(Chat(Body), TestContext.Current.CancellationToken);
        await setup.WaitForAccountingAsync();

        using var copy = Assert.Single(setup.Baseline.Requests).Json()!;
        Assert.Equal(1, copy.RootElement.GetProperty("n").GetInt32());
        Assert.Equal(512, copy.RootElement.GetProperty("max_tokens").GetInt32());
        using var original = Assert.Single(setup.Primary.Requests).Json()!;
        Assert.Equal(8, original.RootElement.GetProperty("n").GetInt32());
        Assert.Equal(4096, original.RootElement.GetProperty("max_tokens").GetInt32());
    }

    [Fact]
    public async Task BaselineCutShortByTheCap_IsCountedBaselineCapped_NotComparedAsDrift()
    {
        await using var setup = await RecordingSetup.StartAsync(new Dictionary<string, string?>
        {
            ["Shadowing:Routes:openai:Baseline:MaxOutputTokens"] = "512",
        });
        setup.Baseline.Respond = (context, request) => RecordingUpstream.ChatAsync(context, "The answer is", "gpt-pinned-0314", "length");
        using var client = setup.Gateway.ProxyClient();

        using var response = await client.SendAsync(Chat(Body), TestContext.Current.CancellationToken);
        await setup.WaitForAccountingAsync();

        Assert.Equal(1, setup.Accounting.Outcomes(RecordingSetup.Route, ShadowOutcome.BaselineCapped));
        Assert.Empty(setup.Pairs.Recent);
    }

    [Theory]
    [InlineData(302, "Authorization")]
    [InlineData(307, "api-key")]
    [InlineData(308, "x-api-key")]
    public async Task BaselineRedirect_IsNotFollowed_AndCountedAsABaselineError(int status, string keyHeader)
    {
        await using var elsewhere = await RecordingUpstream.StartAsync();
        await using var setup = await RecordingSetup.StartAsync(new Dictionary<string, string?>
        {
            ["Shadowing:Routes:openai:Baseline:ApiKeyHeader"] = keyHeader,
        });
        setup.Baseline.Respond = (context, _) =>
        {
            context.Response.StatusCode = status;
            context.Response.Headers.Location = new Uri(elsewhere.BaseUri, "v1/chat/completions").ToString();
            return Task.CompletedTask;
        };
        using var client = setup.Gateway.ProxyClient();

        using var response = await client.SendAsync(Chat(Body), TestContext.Current.CancellationToken);
        await setup.WaitForAccountingAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(setup.Baseline.Requests);
        Assert.Empty(elsewhere.Requests);
        Assert.Equal(1, setup.Accounting.Outcomes(RecordingSetup.Route, ShadowOutcome.BaselineError));
    }

    [Fact]
    public async Task InternalHeaders_NeverReachAnUpstream_OnAnyRoute()
    {
        await using var setup = await RecordingSetup.StartAsync(new Dictionary<string, string?>
        {
            ["ReverseProxy:Routes:plain:ClusterId"] = "openai",
            ["ReverseProxy:Routes:plain:Match:Path"] = "/plain/{**rest}",
        });
        using var client = setup.Gateway.ProxyClient();

        foreach (var path in (string[])["v1/chat/completions", "plain/v1/chat/completions"])
        {
            using var request = Chat(Body, path);
            request.Headers.Add("x-shadowproxy-shadow", "on");
            request.Headers.Add("x-shadowproxy-probe", "0123456789abcdef0123456789abcdef:0123456789abcdef");
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await setup.WaitForAccountingAsync();
        Assert.Equal(2, setup.Primary.Requests.Count);
        Assert.All(setup.Primary.Requests.Concat(setup.Baseline.Requests), r =>
            Assert.DoesNotContain(r.Headers.Keys, h => h.StartsWith("x-shadowproxy-", StringComparison.OrdinalIgnoreCase)));
    }

    internal static HttpRequestMessage Chat(string body, string path = "v1/chat/completions") =>
        new(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}
