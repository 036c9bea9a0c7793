using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ShadowProxy.LoadBench.Memory;

/// <summary>
/// The memory benchmark's two upstreams, in the load process on core 0: a primary that answers with very large
/// chat completions (JSON, or SSE trickled over seconds), and a baseline that never answers.
/// </summary>
internal sealed class MemoryUpstreams(WebApplication app, MemorySettings settings) : IAsyncDisposable
{
    public Uri Primary { get; private set; } = null!;

    public Uri HungBaseline { get; private set; } = null!;

    public static async Task<MemoryUpstreams> StartAsync(MemorySettings settings, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0", "http://127.0.0.1:0");
        var app = builder.Build();
        var upstreams = new MemoryUpstreams(app, settings);
        upstreams.Map();
        await app.StartAsync(cancellationToken);
        var urls = app.Urls.ToArray();
        upstreams.Primary = new Uri(urls[0] + "/");
        upstreams.HungBaseline = new Uri(urls[1] + "/");
        return upstreams;
    }

    private void Map()
    {
        app.Run(async context =>
        {
            if (context.Connection.LocalPort == HungBaseline.Port)
            {
                try
                {
                    await Task.Delay(Timeout.Infinite, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    // The gateway's baseline timeout gave up on us, as it should.
                }

                return;
            }

            using var reader = new StreamReader(context.Request.Body);
            var streamed = (await reader.ReadToEndAsync(context.RequestAborted)).Contains("\"stream\":true", StringComparison.Ordinal);
            await (streamed ? StreamAsync(context) : JsonAsync(context));
        });
    }

    private async Task JsonAsync(HttpContext context)
    {
        context.Response.ContentType = "application/json";
        var content = new string('a', settings.LargeAnswerBytes);
        await context.Response.WriteAsync(
            $$"""{"id":"m","object":"chat.completion","model":"gpt-4o","choices":[{"index":0,"message":{"role":"assistant","content":"{{content}}"},"finish_reason":"stop"}]}""",
            context.RequestAborted);
    }

    private async Task StreamAsync(HttpContext context)
    {
        const int Chunks = 100;
        context.Response.ContentType = "text/event-stream";
        var piece = new string('b', settings.StreamBytes / Chunks);
        var chunk = Encoding.UTF8.GetBytes($$$"""data: {"id":"m","object":"chat.completion.chunk","model":"gpt-4o","choices":[{"index":0,"delta":{"content":"{{{piece}}}"}}]}""" + "\n\n");
        var gap = settings.StreamDuration / Chunks;
        for (var i = 0; i < Chunks; i++)
        {
            await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Task.Delay(gap, context.RequestAborted);
        }

        await context.Response.WriteAsync("data: [DONE]\n\n", context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
