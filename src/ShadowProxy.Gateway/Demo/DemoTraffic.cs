using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ShadowProxy.Gateway.Demo;

/// <summary>Sends the prompt mix at a fixed rate through the gateway, as an app using the OpenAI API would.</summary>
internal sealed class DemoTraffic(HttpClient client, DemoSettings settings, DemoStats stats) : IDisposable
{
    private const int MaxInFlight = 64;
    private readonly SemaphoreSlim _inFlight = new(MaxInFlight);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var random = new Random(settings.Seed);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1 / Math.Max(settings.Rate, 0.1)));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                if (_inFlight.Wait(0, CancellationToken.None))
                {
                    _ = SendAsync(DemoPromptMix.Next(random));
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The run's end: let the requests in flight finish.
        }

        for (var i = 0; i < MaxInFlight; i++)
        {
            await _inFlight.WaitAsync(CancellationToken.None);
        }
    }

    private async Task SendAsync(DemoRequest request)
    {
        stats.OnSent(request.Stream);
        var success = false;
        try
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, "v1/chat/completions") { Content = Body(request) };
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.ApiKey);
            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, CancellationToken.None);
            await response.Content.CopyToAsync(Stream.Null, CancellationToken.None);
            success = response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            success = false;
        }
        finally
        {
            stats.OnCompleted(success);
            _inFlight.Release();
        }
    }

    public void Dispose() => _inFlight.Dispose();

    private ByteArrayContent Body(DemoRequest request)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("model", settings.PrimaryModel);
            writer.WriteStartArray("messages");
            writer.WriteStartObject();
            writer.WriteString("role", "user");
            writer.WriteString("content", request.Prompt);
            writer.WriteEndObject();
            writer.WriteEndArray();
            if (request.Stream)
            {
                writer.WriteBoolean("stream", true);
                writer.WriteStartObject("stream_options");
                writer.WriteBoolean("include_usage", true);
                writer.WriteEndObject();
            }

            if (request.JsonSchema is not null)
            {
                writer.WriteStartObject("response_format");
                writer.WriteString("type", "json_schema");
                writer.WriteStartObject("json_schema");
                writer.WriteString("name", "person");
                writer.WritePropertyName("schema");
                writer.WriteRawValue(request.JsonSchema);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = Encoding.UTF8.WebName };
        return content;
    }
}
