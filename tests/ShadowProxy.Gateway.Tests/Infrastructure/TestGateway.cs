using ShadowProxy.Gateway.Hosting;

namespace ShadowProxy.Gateway.Tests.Infrastructure;

/// <summary>Starts a real gateway (Kestrel, loopback, free ports) in front of the given primary upstream.</summary>
internal static class TestGateway
{
    public static async Task<GatewayApp> StartAsync(
        Uri primary, IReadOnlyDictionary<string, string?>? settings = null, ILoggerProvider? logs = null, Action<IServiceCollection>? services = null)
    {
        var overrides = new Dictionary<string, string?>
        {
            ["Listeners:Proxy"] = "http://127.0.0.1:0",
            ["Listeners:Admin"] = "http://127.0.0.1:0",
            ["ReverseProxy:Clusters:openai:Destinations:primary:Address"] = primary.ToString(),
            ["Logging:LogLevel:Default"] = "Warning",
            // The gateway shares the test runner's process, whose CPU parallel tests keep busy: shedding samples on
            // CPU is tested where it is set on purpose (CpuHeadroomTests).
            ["Shadowing:MaxCpuUtilization"] = "1",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            overrides[key] = value;
        }

        var gateway = GatewayHost.Build(new GatewayHostSettings
        {
            Overrides = overrides,
            Embedded = true,
            ConfigureLogging = logs is null ? null : logging => logging.AddProvider(logs),
            ConfigureServices = services,
        });
        await gateway.StartAsync(TestContext.Current.CancellationToken);
        return gateway;
    }

    public static HttpClient ProxyClient(this GatewayApp gateway) => new() { BaseAddress = gateway.ProxyUri, Timeout = TimeSpan.FromSeconds(60) };

    public static HttpClient AdminClient(this GatewayApp gateway) => new() { BaseAddress = gateway.AdminUri, Timeout = TimeSpan.FromSeconds(60) };
}
