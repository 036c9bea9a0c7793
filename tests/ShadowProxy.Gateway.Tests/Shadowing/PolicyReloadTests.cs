using ShadowProxy.Gateway.Hosting;
using ShadowProxy.Gateway.Tests.Infrastructure;
using ShadowProxy.Yarp.Shadowing.Policy;

namespace ShadowProxy.Gateway.Tests.Shadowing;

public sealed class PolicyReloadTests
{
    [Fact]
    public async Task ConfigFileChange_IsAppliedLive_AndAnInvalidOneIsRejectedKeepingTheOld()
    {
        await using var upstream = await TestUpstream.StartAsync();
        var dir = Directory.CreateTempSubdirectory("shadowproxy-reload-");
        var file = Path.Combine(dir.FullName, "gateway.json");
        await File.WriteAllTextAsync(file, Config(upstream.BaseUri, "0.25"), TestContext.Current.CancellationToken);
        var logs = new CapturingLoggerProvider();
        await using var gateway = GatewayHost.Build(new GatewayHostSettings
        {
            ConfigFile = file,
            Embedded = true,
            ConfigureLogging = logging => logging.AddProvider(logs),
            Overrides = new Dictionary<string, string?> { ["Listeners:Proxy"] = "http://127.0.0.1:0", ["Listeners:Admin"] = "http://127.0.0.1:0" },
        });
        await gateway.StartAsync(TestContext.Current.CancellationToken);
        var store = gateway.Services.GetRequiredService<ShadowPolicyStore>();
        Assert.Equal(0.25, store.Current.Find("openai")!.Options.SampleRate);

        await File.WriteAllTextAsync(file, Config(upstream.BaseUri, "0.75"), TestContext.Current.CancellationToken);
        await Eventually.TrueAsync(() => store.Current.Find("openai")!.Options.SampleRate == 0.75, TimeSpan.FromSeconds(15), "the reloaded sample rate");
        var accepted = store.Current.Version;

        await File.WriteAllTextAsync(file, Config(upstream.BaseUri, "7"), TestContext.Current.CancellationToken);
        await Eventually.TrueAsync(() => logs.Lines.Any(l => l.Contains("reload rejected", StringComparison.Ordinal)), TimeSpan.FromSeconds(15), "the rejected reload's log line");

        Assert.Contains(logs.Lines, l => l.Contains("Shadowing:Routes:openai:SampleRate: 7 must be between 0 and 1", StringComparison.Ordinal));
        Assert.Equal(accepted, store.Current.Version);
        Assert.Equal(0.75, store.Current.Find("openai")!.Options.SampleRate);

        // A misspelt key on reload is refused the same way, named with the key it was meant to be.
        await File.WriteAllTextAsync(file, Config(upstream.BaseUri, "0.5", rateKey: "SampleRat"), TestContext.Current.CancellationToken);
        await Eventually.TrueAsync(() => logs.Lines.Any(l => l.Contains("SampleRat: unknown setting", StringComparison.Ordinal)), TimeSpan.FromSeconds(15), "the misspelt key's log line");

        Assert.Contains(logs.Lines, l => l.Contains("Shadowing:Routes:openai:SampleRat: unknown setting; did you mean Shadowing:Routes:openai:SampleRate?", StringComparison.Ordinal));
        Assert.Equal(accepted, store.Current.Version);
        Assert.Equal(0.75, store.Current.Find("openai")!.Options.SampleRate);
        dir.Delete(recursive: true);
    }

    private static string Config(Uri baseline, string rate, string rateKey = "SampleRate") => $$"""
        {
          "Logging": { "LogLevel": { "Default": "Warning" } },
          "Shadowing": { "Routes": { "openai": {
            "{{rateKey}}": {{rate}},
            "Baseline": { "Address": "{{baseline}}", "Model": "pinned" }
          } } }
        }
        """;
}
