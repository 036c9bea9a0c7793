using System.Diagnostics;
using ShadowProxy.Gateway.Tests.Infrastructure;

namespace ShadowProxy.Gateway.Tests.Proxy;

public sealed class StreamingTests
{
    [Fact]
    public async Task ServerSentEvents_ArriveAsTheUpstreamSendsThem()
    {
        const int chunks = 6;
        const int gapMs = 200;
        await using var upstream = await TestUpstream.StartAsync();
        await using var gateway = await TestGateway.StartAsync(upstream.BaseUri);
        using var client = gateway.ProxyClient();
        var clock = Stopwatch.StartNew();

        using var response = await client.GetAsync($"v1/sse?chunks={chunks}&gapMs={gapMs}", HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        await using var stream = await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
        var received = new List<byte>();
        var arrivals = new List<TimeSpan>();
        var buffer = new byte[4096];
        int read;
        while ((read = await stream.ReadAsync(buffer, TestContext.Current.CancellationToken)) > 0)
        {
            received.AddRange(buffer.AsSpan(0, read));
            arrivals.Add(clock.Elapsed);
        }

        var expected = Enumerable.Range(0, chunks).SelectMany(TestUpstream.SseChunk).ToArray();
        Assert.Equal(expected, received.ToArray());
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);

        // Buffering would deliver everything at once at the end; pacing shows as a spread of arrivals
        // close to the upstream's own (chunks-1) gaps, with the first chunk long before the last.
        var spread = arrivals[^1] - arrivals[0];
        var upstreamSpread = TimeSpan.FromMilliseconds((chunks - 1) * gapMs);
        Assert.True(arrivals.Count >= chunks / 2, $"expected the body in several reads, got {arrivals.Count}");
        Assert.True(spread / upstreamSpread > 0.6, $"arrival spread {spread.TotalMilliseconds:F0} ms vs upstream {upstreamSpread.TotalMilliseconds:F0} ms");
        Assert.True(arrivals[0] / arrivals[^1] < 0.5, $"first chunk at {arrivals[0].TotalMilliseconds:F0} ms, last at {arrivals[^1].TotalMilliseconds:F0} ms");
    }

    [Fact]
    public async Task ClientAbort_CancelsTheUpstreamRequest()
    {
        await using var upstream = await TestUpstream.StartAsync();
        await using var gateway = await TestGateway.StartAsync(upstream.BaseUri);
        using var client = gateway.ProxyClient();
        using var abort = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.PostAsync("v1/hang", new StringContent("{}"), abort.Token));

        var aborted = await Task.WhenAny(upstream.HangAborted.Task, Task.Delay(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken));
        Assert.Same(upstream.HangAborted.Task, aborted);
    }
}
