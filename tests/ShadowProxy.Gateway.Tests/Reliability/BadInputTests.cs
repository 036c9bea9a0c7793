using System.Net;
using System.Text;
using ShadowProxy.Gateway.Tests.Infrastructure;
using ShadowProxy.Gateway.Tests.Shadowing;
using ShadowProxy.Simulator.Profiles;
using ShadowProxy.Yarp.Shadowing.Accounting;

namespace ShadowProxy.Gateway.Tests.Reliability;

/// <summary>Bad input never crashes the gateway or mangles the primary exchange; every decline has a clear reason.</summary>
public sealed class BadInputTests
{
    public static TheoryData<string, string, string> OddBodies => new()
    {
        { "invalid json", "application/json", "{\"model\": \"m\", \"messages\": [" },
        { "wrong content type", "text/plain", "{\"model\":\"m\",\"messages\":[]}" },
        { "absurd n and max_tokens", "application/json", "{\"model\":\"m\",\"n\":1000000,\"max_tokens\":-5,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}" },
        { "json array", "application/json", "[1,2,3]" },
    };

    [Theory]
    [MemberData(nameof(OddBodies))]
    public async Task OddBodies_ReachThePrimaryUntouched_AndEachSampledOneIsAccountedFor(string name, string contentType, string body)
    {
        await using var setup = await ShadowSetup.StartAsync(BuiltInProfiles.Instant);
        using var client = setup.Gateway.ProxyClient();
        var bytes = Encoding.UTF8.GetBytes(body);

        using var response = await client.PostAsync("v1/echo/chat/completions", new ByteArrayContent(bytes) { Headers = { { "Content-Type", contentType } } }, TestContext.Current.CancellationToken);
        await setup.WaitForAccountingAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.True(setup.Accounting.TotalOutcomes(ShadowSetup.Route) == 1, name);
    }

    [Fact]
    public async Task NonUtf8Body_IsForwardedByteForByte_AndSkippedAsInvalid()
    {
        await using var setup = await ShadowSetup.StartAsync(BuiltInProfiles.Instant);
        using var client = setup.Gateway.ProxyClient();
        byte[] bytes = [0xff, 0xfe, 0x7b, 0x80, 0x81, 0xc3, 0x28, 0x00, 0x01];

        using var response = await client.PostAsync("v1/echo/chat/completions", new ByteArrayContent(bytes), TestContext.Current.CancellationToken);
        await setup.WaitForAccountingAsync();

        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(1, setup.Accounting.Outcomes(ShadowSetup.Route, ShadowOutcome.SkippedInvalidRequest));
        Assert.Empty(setup.Baseline!.Journal.Entries);
    }

    [Fact]
    public async Task HugeHeaders_Get431_AndTheGatewayKeepsServing()
    {
        await using var setup = await ShadowSetup.StartAsync(BuiltInProfiles.Instant);
        using var client = setup.Gateway.ProxyClient();
        using var huge = BaselineRequestTests.Chat("""{"model":"m","messages":[]}""");
        huge.Headers.Add("x-padding", new string('a', 100 * 1024));

        using var rejected = await client.SendAsync(huge, TestContext.Current.CancellationToken);
        using var after = await client.SendAsync(BaselineRequestTests.Chat("""{"model":"m","messages":[]}"""), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, rejected.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task BodyOverTheGatewayLimit_Gets413()
    {
        await using var setup = await ShadowSetup.StartAsync(BuiltInProfiles.Instant, new Dictionary<string, string?> { ["Listeners:MaxRequestBodyBytes"] = "100000" });
        using var client = setup.Gateway.ProxyClient();

        using var response = await client.PostAsync("v1/echo/chat/completions", new ByteArrayContent(new byte[200_000]), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await setup.WaitForAccountingAsync();
        Assert.Equal(1, setup.Accounting.Outcomes(ShadowSetup.Route, ShadowOutcome.PrimaryFailed));
    }

    [Theory]
    [InlineData("GET", "/nope")]
    [InlineData("DELETE", "/")]
    [InlineData("OPTIONS", "/admin/api/drift")]
    public async Task UnknownPathsAndMethods_GetAClearJson404(string method, string path)
    {
        await using var setup = await ShadowSetup.StartAsync(BuiltInProfiles.Instant);
        using var client = setup.Gateway.ProxyClient();

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("No route for", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
