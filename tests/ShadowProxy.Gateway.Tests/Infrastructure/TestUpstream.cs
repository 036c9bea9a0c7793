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

    /// <summary>Completes when a slow stream from /v1/slow/chat/completions is aborted by its caller.</summary>
    public TaskCompletionSource SlowStreamAborted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a request to /v1/hang is aborted by its caller.</summary>
    public TaskCompletionSource HangAborted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The fixed chat completion /v1/chat/completions answers with (non-streaming).</summary>
    public static byte[] CannedChat { get; } = Encoding.UTF8.GetBytes(
        "{\"id\":\"chatcmpl-canned\",\"object\":\"chat.completion\",\"created\":1700000000,\"model\":\"canned-model\",\"system_fingerprint\":\"fp_canned\","
        + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"So the answer is [Yes]\"},\"finish_reason\":\"stop\"}],"
        + "\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":6,\"total_tokens\":15}}");

    /// <summary>The fixed stream /v1/chat/completions answers with when the request says "stream": true.</summary>
    public static byte[] CannedStream { get; } = [.. Enumerable.Range(0, 5).SelectMany(SseChunk), .. "data: [DONE]\n\n"u8.ToArray()];

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
            context.Response.Headers["x-upstream-saw-probe-header"] = context.Request.Headers.ContainsKey("x-shadowproxy-probe") ? "yes" : "no";
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
        _app.MapPost("/v1/chat/completions", async context =>
        {
            using var body = new StreamReader(context.Request.Body);
            var streamed = (await body.ReadToEndAsync(context.RequestAborted)).Contains("\"stream\":true", StringComparison.Ordinal);
            if (int.TryParse(context.Request.Headers["x-test-delay-ms"], out var delay))
            {
                await Task.Delay(delay, context.RequestAborted);
            }

            context.Response.ContentType = streamed ? "text/event-stream" : "application/json";
            await context.Response.Body.WriteAsync(streamed ? CannedStream : CannedChat, context.RequestAborted);
        });
        _app.MapPost("/v1/slow/chat/completions", async context =>
        {
            context.Response.ContentType = "text/event-stream";
            try
            {
                for (var i = 0; i < 50; i++)
                {
                    await context.Response.Body.WriteAsync(SseChunk(i), context.RequestAborted);
                    await context.Response.Body.FlushAsync(context.RequestAborted);
                    await Task.Delay(200, context.RequestAborted);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException)
            {
                SlowStreamAborted.TrySetResult();
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
