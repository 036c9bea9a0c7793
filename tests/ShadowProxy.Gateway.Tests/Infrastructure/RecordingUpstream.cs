using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;

namespace ShadowProxy.Gateway.Tests.Infrastructure;

/// <summary>
/// A real Kestrel upstream that records every request as it arrived on the wire (raw target, headers, body) and
/// answers with <see cref="Respond"/>: by default a chat completion whose content and model echo the request's.
/// </summary>
internal sealed class RecordingUpstream : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RecordingUpstream(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>How to answer; swap it before sending traffic.</summary>
    public Func<HttpContext, RecordedRequest, Task> Respond { get; set; } = EchoChatAsync;

    public static async Task<RecordingUpstream> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = null);
        var upstream = new RecordingUpstream(builder.Build());
        upstream._app.Run(upstream.HandleAsync);
        await upstream._app.StartAsync();
        upstream.BaseUri = new Uri(upstream._app.Urls.First() + "/");
        return upstream;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var recorded = new RecordedRequest(
            context.Request.Method,
            context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body.ToArray());
        Requests.Enqueue(recorded);
        await Respond(context, recorded);
    }

    /// <summary>A chat completion echoing the last user message as the answer and the requested model as the served one.</summary>
    public static Task EchoChatAsync(HttpContext context, RecordedRequest request) =>
        ChatAsync(context, request.UserText ?? "ok", request.Model ?? "echo-model", "stop");

    public static Task ChatAsync(HttpContext context, string content, string model, string finishReason) =>
        ChatWire.CompletionAsync(context, model, content, [], finishReason);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One request as the upstream saw it.</summary>
internal sealed record RecordedRequest(string Method, string RawTarget, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    public string? Model
    {
        get
        {
            using var json = Json();
            return json?.RootElement.TryGetProperty("model", out var model) == true ? model.GetString() : null;
        }
    }

    public string? UserText
    {
        get
        {
            using var json = Json();
            if (json is null || !json.RootElement.TryGetProperty("messages", out var messages) || messages.GetArrayLength() == 0)
            {
                return null;
            }

            return messages[messages.GetArrayLength() - 1].GetProperty("content").GetString();
        }
    }

    public JsonDocument? Json()
    {
        try
        {
            return JsonDocument.Parse(Body);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
