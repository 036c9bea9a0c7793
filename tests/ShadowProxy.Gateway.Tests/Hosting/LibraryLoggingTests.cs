using ShadowProxy.Gateway.Tests.Infrastructure;
using ShadowProxy.Gateway.Tests.Shadowing;
using ShadowProxy.Yarp.Shadowing.Accounting;
using ShadowProxy.Yarp.Shadowing.Dispatch;
using ShadowProxy.Yarp.Shadowing.Sampling;

namespace ShadowProxy.Gateway.Tests.Hosting;

/// <summary>
/// A host that composes the library and logs everything at Information sees no line per shadow call: the baseline's
/// HttpClient is the library's own plumbing, and its factory's default loggers would write four lines for every call
/// (with the baseline's address) into the host's logs.
/// </summary>
public sealed class LibraryLoggingTests
{
    [Fact]
    public async Task HostLoggingAtInformation_GetsNoLinePerBaselineCall()
    {
        await using var primary = await RecordingUpstream.StartAsync();
        await using var baseline = await RecordingUpstream.StartAsync();
        using var logs = new CapturingLoggerProvider();
        // An empty content root: the test output holds the executable's appsettings.json, whose filters would hide
        // the very lines this looks for.
        var contentRoot = Directory.CreateTempSubdirectory("shadowproxy-library-host-");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = contentRoot.FullName });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(ShadowSetup.Settings(baseline.BaseUri, null))
        {
            ["ReverseProxy:Routes:openai:ClusterId"] = "openai",
            ["ReverseProxy:Routes:openai:Match:Path"] = "/v1/{**rest}",
            ["ReverseProxy:Clusters:openai:Destinations:primary:Address"] = primary.BaseUri.ToString(),
        });
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Information);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy")).AddShadowing(builder.Configuration);
        await using var app = builder.Build();
        app.MapReverseProxy(proxy => proxy.UseShadowing());
        await app.StartAsync(TestContext.Current.CancellationToken);
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        for (var i = 0; i < 3; i++)
        {
            await BaselineRequestTests.SendQuestionAsync(client, i);
        }

        var accounting = app.Services.GetRequiredService<ShadowAccounting>();
        await ShadowSetup.WaitForAccountingAsync(accounting, () => accounting.Decisions(ShadowSetup.Route, ShadowDecision.Sampled));
        await app.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(3, accounting.Outcomes(ShadowSetup.Route, ShadowOutcome.Paired));
        Assert.Equal(3, baseline.Requests.Count);
        Assert.Contains(logs.Lines, line => line.Contains("Microsoft.Hosting.Lifetime", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, line => line.Contains(BaselineClient.HttpClientName, StringComparison.Ordinal));
        contentRoot.Delete(recursive: true);
    }
}
