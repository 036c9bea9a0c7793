using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using ShadowProxy.Gateway.Tests.Infrastructure;
using ShadowProxy.Yarp.Shadowing.Sampling;

namespace ShadowProxy.Gateway.Tests.Proxy;

/// <summary>
/// The endpoints that are not JSON in, JSON out — audio uploads, speech audio, large file uploads, Realtime's
/// WebSocket — pass through byte for byte on a shadowed route, and are never mirrored.
/// </summary>
public sealed class BinaryPassThroughTests
{
    [Fact]
    public async Task TranscriptionUpload_Multipart_ReachesTheUpstreamByteForByte()
    {
        await using var setup = await RecordingSetup.StartAsync();
        var audio = RandomNumberGenerator.GetBytes(3 * 1024 * 1024);
        using var form = new MultipartFormDataContent("shadowproxy-boundary-7f3a");
        form.Add(new StringContent("whisper-1"), "model");
        form.Add(new ByteArrayContent(audio) { Headers = { ContentType = new MediaTypeHeaderValue("audio/wav") } }, "file", "meeting.wav");
        var sent = await form.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        using var client = setup.Gateway.ProxyClient();

        using var response = await client.PostAsync("v1/audio/transcriptions", form, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = Assert.Single(setup.Primary.Requests);
        Assert.Equal(SHA256.HashData(sent), SHA256.HashData(received.Body));
        Assert.Equal("multipart/form-data; boundary=\"shadowproxy-boundary-7f3a\"", received.Headers["Content-Type"]);
        Assert.Equal(1, setup.Accounting.Decisions(RecordingSetup.Route, ShadowDecision.Ineligible));
        Assert.Empty(setup.Baseline.Requests);
    }

    [Fact]
    public async Task SpeechAudio_ComesBackByteForByte()
    {
        await using var setup = await RecordingSetup.StartAsync();
        var audio = RandomNumberGenerator.GetBytes(1024 * 1024 + 17);
        setup.Primary.Respond = async (context, _) =>
        {
            context.Response.ContentType = "audio/mpeg";
            await context.Response.Body.WriteAsync(audio, context.RequestAborted);
        };
        using var client = setup.Gateway.ProxyClient();

        using var response = await client.PostAsync("v1/audio/speech",
            new StringContent("""{"model":"gpt-4o-mini-tts","input":"Hello","voice":"alloy"}""", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal("audio/mpeg", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(SHA256.HashData(audio), SHA256.HashData(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)));
        Assert.Empty(setup.Baseline.Requests);
    }

    [Fact]
    public async Task FileUploadAbove100MiB_PassesOnARouteThatRaisesItsBodyLimit_AndIsRefusedWithout()
    {
        await using var setup = await RecordingSetup.StartAsync(new Dictionary<string, string?>
        {
            // YARP's per-route override of the listener's 100 MiB request body limit.
            ["ReverseProxy:Routes:files:ClusterId"] = "openai",
            ["ReverseProxy:Routes:files:Match:Path"] = "/v1/files",
            ["ReverseProxy:Routes:files:MaxRequestBodySize"] = (256L * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var file = RandomNumberGenerator.GetBytes(120 * 1024 * 1024);
        using var client = setup.Gateway.ProxyClient();

        using var accepted = await client.PostAsync("v1/files", new ByteArrayContent(file), TestContext.Current.CancellationToken);
        // 100-continue: Kestrel refuses on the headers, before the client has sent a body it would not read.
        using var tooLarge = new HttpRequestMessage(HttpMethod.Post, "v1/uploads/parts") { Content = new ByteArrayContent(file) };
        tooLarge.Headers.ExpectContinue = true;
        using var refused = await client.SendAsync(tooLarge, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(SHA256.HashData(file), SHA256.HashData(Assert.Single(setup.Primary.Requests).Body));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
    }

    [Fact]
    public async Task RealtimeWebSocket_IsUpgradedAndRelayedBothWays()
    {
        await using var upstream = await WebSocketEchoUpstream.StartAsync();
        await using var gateway = await TestGateway.StartAsync(upstream.BaseUri, ShadowSetup.Settings(FreePort.ClosedLoopbackUri(), null));
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", "Bearer sk-realtime-client");

        await socket.ConnectAsync(new Uri($"ws://{gateway.ProxyUri.Authority}/v1/realtime?model=gpt-realtime"), TestContext.Current.CancellationToken);
        var message = """{"type":"session.update","session":{"instructions":"be brief"}}"""u8.ToArray();
        await socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, TestContext.Current.CancellationToken);
        var buffer = new byte[4096];
        var received = await socket.ReceiveAsync(buffer, TestContext.Current.CancellationToken);

        Assert.Equal(WebSocketState.Open, socket.State);
        Assert.Equal("echo:" + Encoding.UTF8.GetString(message), Encoding.UTF8.GetString(buffer, 0, received.Count));
        Assert.Equal("/v1/realtime?model=gpt-realtime", upstream.Target);
        Assert.Equal("Bearer sk-realtime-client", upstream.Authorization);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", TestContext.Current.CancellationToken);
    }

    /// <summary>A Realtime-like upstream: accepts the WebSocket at /v1/realtime and echoes each text message back.</summary>
    private sealed class WebSocketEchoUpstream : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private WebSocketEchoUpstream(WebApplication app) => _app = app;

        public Uri BaseUri { get; private set; } = null!;

        public string? Target { get; private set; }

        public string? Authorization { get; private set; }

        public static async Task<WebSocketEchoUpstream> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var upstream = new WebSocketEchoUpstream(builder.Build());
            upstream._app.UseWebSockets();
            upstream._app.Map("/v1/realtime", upstream.EchoAsync);
            await upstream._app.StartAsync();
            upstream.BaseUri = new Uri(upstream._app.Urls.First() + "/");
            return upstream;
        }

        private async Task EchoAsync(HttpContext context)
        {
            Target = context.Request.Path + context.Request.QueryString;
            Authorization = context.Request.Headers.Authorization;
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            var buffer = new byte[4096];
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer, context.RequestAborted);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", context.RequestAborted);
                    return;
                }

                var reply = Encoding.UTF8.GetBytes("echo:" + Encoding.UTF8.GetString(buffer, 0, received.Count));
                await socket.SendAsync(reply, WebSocketMessageType.Text, endOfMessage: true, context.RequestAborted);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
