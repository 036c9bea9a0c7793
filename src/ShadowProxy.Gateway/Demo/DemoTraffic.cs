using System.Net.Http.Headers;

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
            using var message = new HttpRequestMessage(HttpMethod.Post, "v1/chat/completions") { Content = DemoRequestBody.Create(request, settings.PrimaryModel) };
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
}
