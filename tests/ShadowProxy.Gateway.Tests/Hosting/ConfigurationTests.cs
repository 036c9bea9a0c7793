using ShadowProxy.Gateway.Commands;
using ShadowProxy.Gateway.Hosting;
using ShadowProxy.Gateway.Tests.Infrastructure;
using ShadowProxy.Yarp.Hosting;

namespace ShadowProxy.Gateway.Tests.Hosting;

public sealed class ConfigurationTests
{
    [Theory]
    [InlineData("ReverseProxy:Clusters:openai:Destinations:primary:Address", "not-a-url")]
    [InlineData("Listeners:Proxy", "http://example.com:8080")]
    [InlineData("Upstream:ActivityTimeout", "-00:00:05")]
    [InlineData("ReverseProxy:Routes:openai:ClusterId", "missing")]
    [InlineData("Admin:Token", "fifteen-chars-x")]
    [InlineData("Admin:SessionLifetime", "00:00:00")]
    [InlineData("Admin:SessionLifetime", "-01:00:00")]
    [InlineData("Admin:SessionLifetime", "half a day")]
    [InlineData("Evidence:Ttl", "-1.00:00:00")]
    [InlineData("Evidence:MaxMemoryBytes", "1000")]
    [InlineData("Evidence:RedactPatterns:0", "([unclosed")]
    [InlineData("Telemetry:MaxModelLabels", "0")]
    [InlineData("Shadowing:MaxBufferedBytes", "4096")]
    [InlineData("Shadowing:SamplingSecret", "short")]
    [InlineData("Shadowing:MaxCpuUtilization", "0")]
    [InlineData("Shadowing:MaxCpuUtilization", "1.5")]
    [InlineData("Shadowing:Routes:openai:Baseline:MaxOutputTokens", "0")]
    [InlineData("Probes:Routes:openai:Suites:0", "primes")]
    [InlineData("Probes:Routes:openai:Interval", "00:00:00")]
    [InlineData("Readiness:Tolerance", "2")]
    [InlineData("Comparison:RefusalPatterns:0", "(?<unclosed")]
    [InlineData("Listeners:KeepAliveTimeout", "00:00:00")]
    public void InvalidSetting_RefusesToStartNamingTheKey(string key, string value)
    {
        var error = Assert.Throws<GatewayConfigurationException>(() => GatewayHost.Build(new GatewayHostSettings
        {
            Overrides = new Dictionary<string, string?> { ["Listeners:Proxy"] = "http://127.0.0.1:0", ["Listeners:Admin"] = "http://127.0.0.1:0", [key] = value },
        }));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShutdownTimeoutSeconds_SetsTheHostsShutdownTimeout_AsTheChartRendersIt()
    {
        await using var primary = await TestUpstream.StartAsync();
        await using var gateway = await TestGateway.StartAsync(primary.BaseUri, new Dictionary<string, string?> { ["shutdownTimeoutSeconds"] = "55" });

        Assert.Equal(TimeSpan.FromSeconds(55), gateway.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<HostOptions>>().Value.ShutdownTimeout);
    }

    [Fact]
    public void AdminTokenOfSixteenCharacters_IsAccepted()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Admin:Token"] = "sixteen-chars-xy",
            ["Admin:SessionLifetime"] = "01:00:00",
        }).Build();

        Assert.DoesNotContain(GatewayConfigValidator.Validate(configuration), error => error.StartsWith("Admin:", StringComparison.Ordinal));
    }

    [Fact]
    public void AdminOnNonLoopbackWithoutToken_RefusesToStart()
    {
        var error = Assert.Throws<GatewayConfigurationException>(() => GatewayHost.Build(new GatewayHostSettings
        {
            Overrides = new Dictionary<string, string?> { ["Listeners:Admin"] = "http://0.0.0.0:0" },
        }));

        Assert.Contains("Admin:Token", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServeCommand_WithBadConfigFile_ExitsWithCode2AndTheKeyOnStderr()
    {
        var file = Path.Combine(Path.GetTempPath(), $"shadowproxy-bad-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """{"ReverseProxy":{"Clusters":{"openai":{"Destinations":{"primary":{"Address":"ftp://nope"}}}}}}""", TestContext.Current.CancellationToken);
        var stderr = new StringWriter();
        var original = Console.Error;
        Console.SetError(stderr);
        try
        {
            var exit = await ShadowProxyCommandLine.Create().Parse(["serve", "--config", file]).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);

            Assert.Equal(ExitCodes.InvalidConfiguration, exit);
            Assert.Contains("ReverseProxy:Clusters:openai:Destinations:primary:Address", stderr.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Console.SetError(original);
            File.Delete(file);
        }
    }

    [Fact]
    public async Task ConfigFile_OverridesAppSettingsAndIsOverriddenByArguments()
    {
        await using var upstream = await TestUpstream.StartAsync();
        var file = Path.Combine(Path.GetTempPath(), $"shadowproxy-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """{"Upstream":{"ActivityTimeout":"00:00:01"},"ReverseProxy":{"Clusters":{"openai":{"Destinations":{"primary":{"Address":"UPSTREAM"}}}}}}""".Replace("UPSTREAM", upstream.BaseUri.ToString(), StringComparison.Ordinal), TestContext.Current.CancellationToken);
        try
        {
            await using var gateway = GatewayHost.Build(new GatewayHostSettings
            {
                ConfigFile = file,
                Args = ["--Listeners:Proxy=http://127.0.0.1:0", "--Listeners:Admin=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"],
            });
            await gateway.StartAsync(TestContext.Current.CancellationToken);
            using var client = gateway.ProxyClient();

            using var response = await client.PostAsync("v1/hang", new StringContent("{}"), TestContext.Current.CancellationToken);

            Assert.Equal(System.Net.HttpStatusCode.GatewayTimeout, response.StatusCode);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
