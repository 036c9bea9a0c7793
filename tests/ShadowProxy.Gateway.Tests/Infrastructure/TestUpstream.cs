using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ShadowProxy.Gateway.Tests.Infrastructure;

/// <summary>A scripted upstream on real Kestrel: echoes, large bodies, paced SSE, and a request that never answers.</summary>
internal sealed class TestUpstream : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestUpstream(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!;

    /// <summary>Completes when a request to /v1/hang is aborted by its caller.</summary>
    public TaskCompletionSource HangAborted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static byte[] SseChunk(int index) => Encoding.UTF8.GetBytes(
        $"data: {{\"id\":\"c{index}\",\"object\":\"chat.completion.chunk\",\"choices\":[{{\"index\":0,\"delta\":{{\"content\":\"t{index} \"}}}}]}}\n\n");

    public static async Task<TestUpstream> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = null);
        var upstream = new TestUpstream(builder.Build());
        upstream.Map();
        await upstream._app.StartAsync();
        upstream.BaseUri = new Uri(upstream._app.Urls.First() + "/");
        return upstream;
    }

    private void Map()
    {
        _app.Map("/v1/echo/{**rest}", async context =>
        {
            context.Response.StatusCode = int.TryParse(context.Request.Query["status"], out var status) ? status : 200;
            context.Response.Headers["x-upstream-method"] = context.Request.Method;
            context.Response.Headers["x-upstream-path"] = context.Request.Path + context.Request.QueryString;
            context.Response.Headers["x-upstream-authorization"] = context.Request.Headers.Authorization.ToString();
            context.Response.Headers["x-custom"] = "kept";
            context.Response.ContentType = context.Request.ContentType ?? "application/octet-stream";
            await context.Request.Body.CopyToAsync(context.Response.Body, context.RequestAborted);
        });
        _app.MapGet("/v1/large", async context =>
        {
            var body = RandomNumberGenerator.GetBytes(Query(context, "size"));
            context.Response.Headers["x-body-sha256"] = Convert.ToHexString(SHA256.HashData(body));
            context.Response.ContentType = "application/octet-stream";
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        });
        _app.MapGet("/v1/sse", async context =>
        {
            var gap = TimeSpan.FromMilliseconds(Query(context, "gapMs"));
            context.Response.ContentType = "text/event-stream";
            for (var i = 0; i < Query(context, "chunks"); i++)
            {
                if (i > 0)
                {
                    await Task.Delay(gap, context.RequestAborted);
                }

                await context.Response.Body.WriteAsync(SseChunk(i), context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }
        });
        _app.MapPost("/v1/hang", async context =>
        {
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                HangAborted.TrySetResult();
            }
        });
    }

    private static int Query(HttpContext context, string name) => int.Parse(context.Request.Query[name]!, CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
