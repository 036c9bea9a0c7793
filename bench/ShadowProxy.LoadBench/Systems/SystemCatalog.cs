using System.Globalization;
using ShadowProxy.LoadBench.Harness;

namespace ShadowProxy.LoadBench.Systems;

/// <summary>Every system the comparison knows, in report order.</summary>
internal static class SystemCatalog
{
    public static IReadOnlyList<BenchSystem> All { get; } =
    [
        new("direct", "client straight to the simulator", (context, _) =>
            Task.FromResult(new RunningSystem(new Uri(context.Upstream, "v1/"), null, new Dictionary<string, string>()))),
        new("bare-yarp", "YARP with one catch-all route (bench/ShadowProxy.Bench.BareYarp)", StartBareYarpAsync),
        new("shadowproxy-off", "ShadowProxy, shadowing off", (c, t) => ShadowProxyServe.StartAsync(c, sampleRate: null, baseline: null, t)),
        new("shadowproxy-10", "ShadowProxy, 10% shadowed to a fast baseline", (c, t) => ShadowProxyServe.StartAsync(c, 0.1, c.FastBaseline, t)),
        new("shadowproxy-100", "ShadowProxy, 100% shadowed to a fast baseline", (c, t) => ShadowProxyServe.StartAsync(c, 1, c.FastBaseline, t)),
        new("shadowproxy-100-slow", "ShadowProxy, 100% shadowed to a baseline that never answers", (c, t) => ShadowProxyServe.StartAsync(c, 1, c.SlowBaseline, t))
        {
            BaselineFaultVariant = true,
        },
        new("shadowproxy-100-dead", "ShadowProxy, 100% shadowed to a baseline port nobody listens on", (c, t) => ShadowProxyServe.StartAsync(c, 1, c.DeadBaseline, t))
        {
            BaselineFaultVariant = true,
        },
        new("sample-off", "samples/ExistingYarpGateway (the library in a YARP app with its own auth), shadowing off", (c, t) => LibraryHost.StartAsync(c, sampleRate: null, baseline: null, t)),
        new("sample-10", "samples/ExistingYarpGateway, 10% shadowed to a fast baseline", (c, t) => LibraryHost.StartAsync(c, 0.1, c.FastBaseline, t)),
        new("nginx", "nginx 1.22, one worker, upstream keepalive over HTTP/1.1, buffering off", Nginx.StartAsync),
        new("portkey", "Portkey gateway (npm @portkey-ai/gateway) on Node, custom host = the simulator", StartPortkeyAsync),
    ];

    private static async Task<RunningSystem> StartBareYarpAsync(SystemContext context, CancellationToken cancellationToken)
    {
        var port = FreePort.Next();
        var process = await PinnedProcess.StartAsync(
            "bare-yarp", context.SystemCore, "dotnet",
            [context.Layout.BareYarp, "--urls", Url(port), "--upstream", context.Upstream.ToString()],
            port, context.WorkDirectory, cancellationToken: cancellationToken);
        return new RunningSystem(new Uri($"{Url(port)}/v1/"), process, new Dictionary<string, string>());
    }

    private static async Task<RunningSystem> StartPortkeyAsync(SystemContext context, CancellationToken cancellationToken)
    {
        if (!File.Exists(context.Layout.PortkeyServer))
        {
            throw new ArgumentException($"{context.Layout.PortkeyServer} is missing; bench/run.sh installs it with npm ci.");
        }

        var port = FreePort.Next();
        var process = await PinnedProcess.StartAsync(
            "portkey", context.SystemCore, "node", [context.Layout.PortkeyServer, $"--port={port}", "--headless"],
            port, context.WorkDirectory, new Dictionary<string, string> { ["NODE_ENV"] = "production" }, cancellationToken);
        var headers = new Dictionary<string, string>
        {
            ["x-portkey-provider"] = "openai",
            ["x-portkey-custom-host"] = new Uri(context.Upstream, "v1").ToString(),
        };
        return new RunningSystem(new Uri($"{Url(port)}/v1/"), process, headers);
    }

    internal static string Url(int port) => string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");
}
