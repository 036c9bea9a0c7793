using Microsoft.Extensions.Options;
using ShadowProxy.Gateway.Hosting;
using ShadowProxy.Yarp.Hosting;
using ShadowProxy.Yarp.Hosting.Configuration;

namespace ShadowProxy.Gateway.Tests.Hosting;

/// <summary>
/// Every section the gateway owns is on the ASP.NET options pattern: bound with BindConfiguration, checked by an
/// IValidateOptions and validated on start, so a host that composes the gateway itself (not through
/// <see cref="GatewayHost"/>, whose pre-check lists every problem) still refuses a bad value before serving.
/// </summary>
public sealed class OptionsPatternTests
{
    [Fact]
    public void EverySectionTheGatewayOwns_IsBoundAndHasAValidator()
    {
        var services = new ServiceCollection().AddGatewayOptions();

        foreach (var (section, type) in KnownSettings.Sections)
        {
            Assert.True(services.Any(d => d.ServiceType == typeof(IConfigureOptions<>).MakeGenericType(type)), $"{section} is not bound");
            Assert.True(services.Any(d => d.ServiceType == typeof(IValidateOptions<>).MakeGenericType(type)), $"{section} has no validator");
        }
    }

    [Fact]
    public void BoundOptions_CarryTheConfiguredValues()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Evidence:Ttl"] = "3.00:00:00",
            ["Readiness:MinPairs"] = "250",
        }).Build();
        using var provider = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddGatewayOptions().BuildServiceProvider();

        Assert.Equal(TimeSpan.FromDays(3), provider.GetRequiredService<IOptions<Yarp.Evidence.EvidenceOptions>>().Value.Ttl);
        Assert.Equal(250, provider.GetRequiredService<IOptions<Yarp.Admin.ReadinessOptions>>().Value.MinPairs);
    }

    [Theory]
    [InlineData("Evidence:Ttl", "-1.00:00:00")]
    [InlineData("Readiness:Tolerance", "2")]
    [InlineData("Probes:Routes:openai:Suites:0", "primes")]
    [InlineData("Shadowing:Routes:openai:SampleRate", "2")]
    [InlineData("Redis:KeyPrefix", "app:", true)]
    public async Task AHostComposingTheGatewayItself_FailsToStart_NamingTheKey(string key, string value, bool useRedis = false)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ReverseProxy:Routes:openai:ClusterId"] = "openai",
            ["ReverseProxy:Routes:openai:Match:Path"] = "/v1/{**rest}",
            ["ReverseProxy:Clusters:openai:Destinations:primary:Address"] = "http://127.0.0.1:9",
            [key] = value,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddShadowing(builder.Configuration, shadowing =>
            {
                // UseRedis() with no Redis:ConnectionString anywhere is refused, naming the missing key.
                if (useRedis)
                {
                    shadowing.UseRedis();
                }
            });
        await using var app = builder.Build();
        key = useRedis ? "Redis:ConnectionString" : key;

        var error = await Assert.ThrowsAnyAsync<Exception>(() =>
        {
            app.MapReverseProxy(proxy => proxy.UseShadowing());
            return app.StartAsync(TestContext.Current.CancellationToken);
        });

        // The policy store, built with the hosted services, refuses its own section first; the rest fail validation.
        Assert.True(error is OptionsValidationException or GatewayConfigurationException, error.ToString());
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OneCheck_NamesAValueOfTheWrongTypeAndAValueOutOfRange_InTheSameSection()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Evidence:Ttl"] = "a week",
            ["Evidence:MaxTextChars"] = "lots",
            ["Evidence:MaxMemoryBytes"] = "10",
        }).Build();
        var errors = new List<string>();

        GatewayOptionsCheck.Collect(configuration, errors);

        Assert.Contains(errors, e => e.StartsWith("Evidence:Ttl:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Evidence:MaxTextChars:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Evidence:MaxMemoryBytes:", StringComparison.Ordinal));
    }
}
