using BenchmarkDotNet.Attributes;
using ShadowProxy.Yarp.Shadowing.Capture;

namespace ShadowProxy.Benchmarks;

/// <summary>
/// What a sampled response costs on the request path: the same writes straight to the client stream, and through
/// <see cref="ResponseTee"/> into a pooled, capped capture. Bodies: one small JSON answer, an SSE stream of 70 chunks,
/// and a 1 MB body in YARP's 64 KB copies.
/// </summary>
[MemoryDiagnoser]
public class ResponseTeeBenchmarks
{
    private const int CaptureLimit = 4 * 1024 * 1024;
    private byte[][] _writes = [];

    [Params("json-600B", "sse-70-chunks", "body-1MB")]
    public string Body { get; set; } = "";

    [GlobalSetup]
    public void Setup() => _writes = Body switch
    {
        "json-600B" => [new byte[600]],
        "sse-70-chunks" => [.. Enumerable.Range(0, 70).Select(_ => new byte[140])],
        _ => [.. Enumerable.Range(0, 16).Select(_ => new byte[64 * 1024])],
    };

    [Benchmark(Baseline = true)]
    public async Task PassThrough()
    {
        var client = Stream.Null;
        foreach (var write in _writes)
        {
            await client.WriteAsync(write);
            await client.FlushAsync();
        }
    }

    [Benchmark]
    public async Task Teed()
    {
        using var capture = new PooledCapture(CaptureLimit);
        var tee = new ResponseTee(Stream.Null, capture, TimeProvider.System);
        foreach (var write in _writes)
        {
            await tee.WriteAsync(write);
            await tee.FlushAsync();
        }
    }
}
