using System.Net;
using System.Text;
using ShadowProxy.Gateway.Tests.Infrastructure;
using ShadowProxy.Yarp.Shadowing.Accounting;

namespace ShadowProxy.Gateway.Tests.Security;

/// <summary>
/// Red-team findings 7 and 13: a sampled body that is JSON-shaped but not safely readable (invalid UTF-8 inside a
/// string, a lone surrogate, a duplicated key) reaches the primary byte for byte, is never mirrored, and is counted
/// `skipped_invalid_request`, without an error logged per request.
/// </summary>
public sealed class InvalidBodyTests
{
    public static TheoryData<string, byte[]> Bodies => new()
    {
        { "invalid UTF-8 in a string", [.. """{"model":"gpt-4o","messages":[{"role":"user","content":"caf"""u8, 0xC3, 0x28, 0xFF, .. """ ok"}]}"""u8] },
        { "lone surrogate escape", Encoding.UTF8.GetBytes("""{"model":"gpt-4o","messages":[{"role":"user","content":"x\ud800y"}]}""") },
        { "model twice", Encoding.UTF8.GetBytes("""{"model":"gpt-4o","model":"gpt-3.5-turbo","messages":[{"role":"user","content":"hi"}]}""") },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task UnreadableBody_IsForwardedUntouched_AndSkippedAsInvalid(string name, byte[] body)
    {
        using var logs = new CapturingLoggerProvider();
        await using var primary = await TestUpstream.StartAsync();
        await using var baseline = await RecordingUpstream.StartAsync();
        await using var gateway = await TestGateway.StartAsync(primary.BaseUri, new Dictionary<string, string?>
        {
            ["Shadowing:Routes:openai:SampleRate"] = "1",
            ["Shadowing:Routes:openai:Baseline:Address"] = baseline.BaseUri.ToString(),
            ["Shadowing:Routes:openai:Baseline:Model"] = ShadowSetup.PinnedModel,
        }, logs);
        var accounting = gateway.Services.GetRequiredService<ShadowAccounting>();
        using var client = gateway.ProxyClient();

        using var response = await client.PostAsync("v1/echo/chat/completions", new ByteArrayContent(body) { Headers = { { "Content-Type", "application/json" } } }, TestContext.Current.CancellationToken);
        await Eventually.TrueAsync(() => accounting.TotalOutcomes(ShadowSetup.Route) == 1, TimeSpan.FromSeconds(10), "one outcome");

        Assert.True(response.StatusCode == HttpStatusCode.OK, name);
        Assert.Equal(body, await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(1, accounting.Outcomes(ShadowSetup.Route, ShadowOutcome.SkippedInvalidRequest));
        Assert.Empty(baseline.Requests);
        Assert.DoesNotContain(logs.Lines, line => line.StartsWith("Warning", StringComparison.Ordinal) || line.StartsWith("Error", StringComparison.Ordinal));
    }
}
