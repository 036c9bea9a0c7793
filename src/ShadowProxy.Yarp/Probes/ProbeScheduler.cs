using Microsoft.Extensions.Options;
using ShadowProxy.Core.Probes;
using ShadowProxy.Yarp.Hosting;

namespace ShadowProxy.Yarp.Probes;

/// <summary>
/// Sends canary probes on each enabled route's schedule through this process's own proxy routes, so they take the
/// same path as app traffic: primary via YARP, baseline via the shadow pipeline, graded against known answers.
/// </summary>
internal sealed partial class ProbeScheduler(
    IOptions<ProbesOptions> probes,
    IProxyAddress proxyAddress,
    ProbeRegistry registry,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<ProbeScheduler> logger) : BackgroundService
{
    private readonly Random _random = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var routes = probes.Value.Routes.Where(r => r.Value.Enabled).ToList();
        if (routes.Count == 0)
        {
            return;
        }

        // Hosted services start before Kestrel binds; the proxy's address is known only once the app has started.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(started.SetResult))
        {
            await Task.WhenAny(started.Task, Task.Delay(Timeout.Infinite, stoppingToken));
        }

        // A worker has no proxy listener: probes belong to the processes that serve traffic.
        if (stoppingToken.IsCancellationRequested || proxyAddress.Current is not { } address)
        {
            return;
        }

        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(5) };
        var due = routes.ToDictionary(r => r.Key, _ => time.GetUtcNow());
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var (route, options) in routes.Where(r => time.GetUtcNow() >= due[r.Key]))
            {
                due[route] = time.GetUtcNow() + options.Interval;
                await RunAsync(client, route, options, stoppingToken);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), time, stoppingToken).ContinueWith(static _ => { }, TaskScheduler.Default);
        }
    }

    internal async Task RunAsync(HttpClient client, string route, RouteProbeOptions options, CancellationToken cancellationToken)
    {
        // The validator has refused unknown suite names, so every name parses.
        var suites = options.Suites.Count == 0 ? ProbeSuites.All : [.. options.Suites.Select(s => ProbeSuites.TryParse(s, out var k) ? k : throw new InvalidOperationException(s))];
        for (var i = 0; i < options.PerRun && !cancellationToken.IsCancellationRequested; i++)
        {
            var task = ProbeGenerator.Generate(suites[_random.Next(suites.Count)], _random);
            using var content = new ByteArrayContent(task.RequestBody(options.Model));
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            using var request = new HttpRequestMessage(HttpMethod.Post, "v1/chat/completions") { Content = content };
            request.Headers.Add(ProbeRegistry.Header, registry.Register(task));
            try
            {
                using var response = await client.SendAsync(request, cancellationToken);
                await response.Content.CopyToAsync(Stream.Null, cancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // A probe cut short because the gateway is stopping (its listener may close first) is not a failure.
                if (cancellationToken.IsCancellationRequested || lifetime.ApplicationStopping.IsCancellationRequested)
                {
                    return;
                }

                LogProbeFailed(logger, route, e);
            }
        }
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "A canary probe on route {Route} could not be sent")]
    private static partial void LogProbeFailed(ILogger logger, string route, Exception error);
}
