using System.Buffers;
using Polly;
using ShadowProxy.Yarp.Shadowing.Capture;

namespace ShadowProxy.Yarp.Shadowing.Dispatch;

/// <summary>
/// Calls a baseline through its route's resilience pipeline and reads the whole answer, bounded. The exchange resumes
/// on the thread pool, not on the caller's lowest-priority worker, so a busy process delays when a call starts but
/// never inflates the times it measures.
/// </summary>
internal sealed class BaselineClient(IHttpClientFactory httpClients, CaptureBudget memory, TimeProvider time)
{
    public const string HttpClientName = "shadowproxy-baseline";

    public ValueTask<BaselineResponse> CallAsync(BaselineRequest request, int maxCaptureBytes, ResiliencePipeline<BaselineResponse> pipeline, CancellationToken cancellationToken) =>
        pipeline.ExecuteAsync(
            static (state, token) => state.Client.SendAsync(state.Request, state.MaxCaptureBytes, token), (Client: this, Request: request, MaxCaptureBytes: maxCaptureBytes), cancellationToken);

    private async ValueTask<BaselineResponse> SendAsync(BaselineRequest baselineRequest, int maxCaptureBytes, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        using var request = baselineRequest.ToMessage();
        var http = httpClients.CreateClient(HttpClientName);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var body = new PooledCapture(maxCaptureBytes, memory);
        long firstByte = 0;
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using var _ = stream.ConfigureAwait(false);
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                firstByte = firstByte == 0 ? time.GetTimestamp() : firstByte;
                if (!body.Append(chunk.AsSpan(0, read)))
                {
                    break;
                }
            }
        }
        catch
        {
            body.Dispose();
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        var ttfb = time.GetElapsedTime(started, firstByte == 0 ? time.GetTimestamp() : firstByte);
        return new BaselineResponse((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), body, ttfb, time.GetElapsedTime(started));
    }
}
