using System.Collections.Concurrent;
using System.Diagnostics;
using ShadowProxy.Gateway.Tests.Infrastructure;
using ShadowProxy.Gateway.Tests.Shadowing;
using ShadowProxy.Simulator.Profiles;

namespace ShadowProxy.Gateway.Tests.Telemetry;

public sealed class TracingTests
{
    [Fact]
    public async Task ShadowSpan_IsLinkedToThePrimarySpan_CarriesGenAiAttributes_AndNoContent()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "ShadowProxy" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await using var setup = await ShadowSetup.StartAsync(BuiltInProfiles.Instant);
        using var client = setup.Gateway.ProxyClient();
        const string prompt = "Is 7919 a prime number? Think step by step and then answer [Yes] or [No].";
        var model = $"gpt-tracing-{Guid.NewGuid():N}";

        // The listener is process-wide and other tests run gateways too: find this test's spans by its own model.
        using var response = await client.SendAsync(BaselineRequestTests.Chat($$"""{"model":"{{model}}","messages":[{"role":"user","content":"{{prompt}}"}]}"""), TestContext.Current.CancellationToken);
        await setup.WaitForAccountingAsync();
        var primary = await WaitForAsync(() => stopped.FirstOrDefault(a => a.Source.Name == "Microsoft.AspNetCore" && (string?)a.GetTagItem("gen_ai.request.model") == model));
        var shadow = await WaitForAsync(() => stopped.FirstOrDefault(a => a.Source.Name == "ShadowProxy" && a.Links.Any(l => l.Context.SpanId == primary.SpanId)));
        Assert.Contains(shadow.Links, link => link.Context.TraceId == primary.TraceId && link.Context.SpanId == primary.SpanId);
        Assert.NotEqual(primary.TraceId, shadow.TraceId);
        Assert.Equal("chat", primary.GetTagItem("gen_ai.operation.name"));
        Assert.Equal(ShadowSetup.PinnedModel, shadow.GetTagItem("gen_ai.request.model"));
        Assert.Equal(BuiltInProfiles.Instant.Model, shadow.GetTagItem("gen_ai.response.model"));
        // OpenTelemetry GenAI conventions: "{operation} {model}", the provider, the response's id and finish reasons.
        Assert.Equal($"chat {ShadowSetup.PinnedModel}", shadow.DisplayName);
        Assert.Equal(ActivityKind.Client, shadow.Kind);
        Assert.Equal("openai", shadow.GetTagItem("gen_ai.provider.name"));
        Assert.Equal("openai", primary.GetTagItem("gen_ai.provider.name"));
        Assert.StartsWith("chatcmpl-", (string?)shadow.GetTagItem("gen_ai.response.id"), StringComparison.Ordinal);
        Assert.Equal(["stop"], Assert.IsType<string[]>(shadow.GetTagItem("gen_ai.response.finish_reasons")));
        Assert.Equal(BuiltInProfiles.Instant.SystemFingerprint, shadow.GetTagItem("gen_ai.openai.response.system_fingerprint"));
        Assert.Equal("openai", shadow.GetTagItem("gen_ai.system")); // the name older backends read, until opted in
        Assert.All(new[] { primary, shadow }.SelectMany(a => a.TagObjects), tag => Assert.DoesNotContain("7919", tag.Value?.ToString() ?? string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task LatestConventions_WhenOptedIn_AnthropicProvider_AndAFailedBaselineCarriesErrorType()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "ShadowProxy",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var pinned = $"claude-tracing-{Guid.NewGuid():N}";
        await using var setup = await AnthropicSetup.StartAsync(settings: new Dictionary<string, string?>
        {
            ["OTEL_SEMCONV_STABILITY_OPT_IN"] = "http, gen_ai_latest_experimental",
            [$"Shadowing:Routes:{AnthropicSetup.Route}:Baseline:Model"] = pinned,
        });
        using var client = setup.Gateway.ProxyClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "anthropic/v1/messages")
        {
            Content = new StringContent("""{"model":"claude-sonnet-4-5","max_tokens":64,"messages":[{"role":"user","content":"Is 7919 prime? Answer [Yes] or [No]."}]}""", System.Text.Encoding.UTF8, "application/json"),
        };

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        await setup.WaitForAccountingAsync();
        var shadow = await WaitForAsync(() => stopped.FirstOrDefault(a => a.DisplayName == $"chat {pinned}"));

        Assert.Equal("anthropic", shadow.GetTagItem("gen_ai.provider.name"));
        Assert.Null(shadow.GetTagItem("gen_ai.system"));
        Assert.StartsWith("msg_", (string?)shadow.GetTagItem("gen_ai.response.id"), StringComparison.Ordinal);
        Assert.Null(shadow.GetTagItem("error.type"));

        setup.Baseline.Profile = BuiltInProfiles.Instant with { Faults = FaultProfile.Always(FaultKind.ServerError) };
        using var again = new HttpRequestMessage(HttpMethod.Post, "anthropic/v1/messages") { Content = new StringContent(
            """{"model":"claude-sonnet-4-5","max_tokens":64,"messages":[{"role":"user","content":"Is 7907 prime? Answer [Yes] or [No]."}]}""", System.Text.Encoding.UTF8, "application/json") };
        using var second = await client.SendAsync(again, TestContext.Current.CancellationToken);
        await setup.WaitForAccountingAsync();
        var failed = await WaitForAsync(() => stopped.FirstOrDefault(a => a.DisplayName == $"chat {pinned}" && a.GetTagItem("error.type") is not null));

        Assert.Equal("baseline_error", failed.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Error, failed.Status);
    }

    private static async Task<Activity> WaitForAsync(Func<Activity?> find)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            if (find() is { } found)
            {
                return found;
            }

            await Task.Delay(50, timeout.Token);
        }
    }
}
