using System.Text.RegularExpressions;
using OpenTelemetry;
using OpenTelemetry.Trace;
using ShadowProxy.Gateway.Tests.Infrastructure;
using ShadowProxy.Gateway.Tests.Shadowing;
using ShadowProxy.Simulator.Profiles;

namespace ShadowProxy.Gateway.Tests.Telemetry;

/// <summary>The GenAI metrics and the OpenTelemetry resource, as the conventions and the SDK's environment variables define them.</summary>
public sealed partial class GenAiConventionsTests
{
    [Fact]
    public async Task OperationDuration_HasASideLabelAndTheProvider_ForBothCallsOfAPair()
    {
        await using var setup = await ShadowSetup.StartAsync(BuiltInProfiles.Instant);
        using var client = setup.Gateway.ProxyClient();

        using var response = await client.SendAsync(BaselineRequestTests.Chat(
            """{"model":"gpt-4o","messages":[{"role":"user","content":"Is 7919 prime? Answer [Yes] or [No]."}]}"""), TestContext.Current.CancellationToken);
        await setup.WaitForAccountingAsync();
        using var admin = setup.Gateway.AdminClient();
        var metrics = await admin.GetStringAsync("/metrics", TestContext.Current.CancellationToken);

        var series = DurationCount().Matches(metrics).Select(static m => m.Groups["labels"].Value).ToList();
        Assert.Contains(series, l => l.Contains("shadowproxy_side=\"primary\"", StringComparison.Ordinal) && l.Contains("gen_ai_request_model=\"gpt-4o\"", StringComparison.Ordinal));
        Assert.Contains(series, l => l.Contains("shadowproxy_side=\"baseline\"", StringComparison.Ordinal) && l.Contains($"gen_ai_request_model=\"{ShadowSetup.PinnedModel}\"", StringComparison.Ordinal));
        Assert.All(series, l => Assert.Contains("gen_ai_provider_name=\"openai\"", l, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, null, "shadowproxy")]
    [InlineData("llm-gateway-eu", null, "llm-gateway-eu")]
    [InlineData(null, "service.name=from-attributes,deployment.environment=prod", "from-attributes")]
    public async Task ServiceName_ComesFromTheStandardVariables_ElseShadowproxy(string? serviceName, string? attributes, string expected)
    {
        await using var gateway = await TestGateway.StartAsync(FreePort.ClosedLoopbackUri(), new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = FreePort.ClosedLoopbackUri().ToString(),
            ["OTEL_SERVICE_NAME"] = serviceName,
            ["OTEL_RESOURCE_ATTRIBUTES"] = attributes,
        });

        var resource = gateway.Services.GetRequiredService<TracerProvider>().GetResource();

        Assert.Equal(expected, resource.Attributes.Single(a => a.Key == "service.name").Value);
    }

    [GeneratedRegex("""gen_ai_client_operation_duration\w*_count\{(?<labels>[^}]*)\}""")]
    private static partial Regex DurationCount();
}
