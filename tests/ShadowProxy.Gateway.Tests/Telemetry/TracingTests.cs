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
        var shadow = await WaitForAsync(() => stopped.FirstOrDefault(a => a.OperationName == "shadow baseline" && a.Links.Any(l => l.Context.SpanId == primary.SpanId)));
        Assert.Contains(shadow.Links, link => link.Context.TraceId == primary.TraceId && link.Context.SpanId == primary.SpanId);
        Assert.NotEqual(primary.TraceId, shadow.TraceId);
        Assert.Equal("chat", primary.GetTagItem("gen_ai.operation.name"));
        Assert.Equal(ShadowSetup.PinnedModel, shadow.GetTagItem("gen_ai.request.model"));
        Assert.Equal(BuiltInProfiles.Instant.Model, shadow.GetTagItem("gen_ai.response.model"));
        Assert.All(new[] { primary, shadow }.SelectMany(a => a.TagObjects), tag => Assert.DoesNotContain("7919", tag.Value?.ToString() ?? string.Empty, StringComparison.Ordinal));
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
