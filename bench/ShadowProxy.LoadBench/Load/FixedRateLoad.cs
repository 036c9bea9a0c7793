using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using HdrHistogram;
using ShadowProxy.LoadBench.Harness;
using ShadowProxy.LoadBench.Systems;

namespace ShadowProxy.LoadBench.Load;

/// <summary>
/// Open-loop load: request i is due at start + i/rate whether or not earlier ones have answered, and its latency
/// counts from that due time, so a stalled system is charged for the requests it kept waiting (no coordinated omission).
/// </summary>
internal sealed class FixedRateLoad(HttpClient client)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public Task<StageResult> RunAsync(
        RunningSystem system, Workload workload, string stage, double rate, TimeSpan duration, CancellationToken cancellationToken) =>
        RunAsync(system, [workload], stage, rate, duration, cancellationToken);

    /// <summary>Sends the workloads of the mix in turn.</summary>
    public async Task<StageResult> RunAsync(
        RunningSystem system, IReadOnlyList<Workload> mix, string stage, double rate, TimeSpan duration, CancellationToken cancellationToken)
    {
        var streams = mix.Any(w => w.Stream);
        var latency = LatencyStats.NewHistogram();
        var firstToken = LatencyStats.NewHistogram();
        var chunkGap = LatencyStats.NewHistogram();
        var outcome = new Outcome();
        var cpuBefore = system.ProcessId is { } id ? ProcessMeter.CpuSeconds(id) : 0;

        var total = (int)Math.Round(rate * duration.TotalSeconds);
        var sends = new Task[total];
        await SendSchedule.RunAsync(total, rate, (i, due) =>
            sends[i] = Task.Run(() => SendAsync(system, mix[i % mix.Count], due, latency, firstToken, chunkGap, outcome, cancellationToken), CancellationToken.None),
            cancellationToken);
        await Task.WhenAll(sends.Where(s => s is not null));
        var cpu = system.ProcessId is { } after ? (ProcessMeter.CpuSeconds(after) - cpuBefore) * 1000 / total : (double?)null;
        return new StageResult(
            stage, rate, total, outcome.Failed, LatencyStats.From(latency), cpu,
            streams ? LatencyStats.From(firstToken) : null,
            streams ? LatencyStats.From(chunkGap) : null,
            streams ? (double)outcome.Chunks / Math.Max(1, total - outcome.Failed) : 0);
    }

    private async Task SendAsync(
        RunningSystem system, Workload workload, long due, LongConcurrentHistogram latency, LongConcurrentHistogram firstToken,
        LongConcurrentHistogram chunkGap, Outcome outcome, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(system.OpenAiBase, "chat/completions"))
            {
                Content = new ByteArrayContent(workload.Body) { Headers = { ContentType = Json } },
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "sk-bench-not-a-secret");
            foreach (var (name, value) in system.Headers)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                outcome.Fail();
                return;
            }

            if (workload.Stream)
            {
                await ReadStreamAsync(response, due, firstToken, chunkGap, outcome, cancellationToken);
            }
            else
            {
                await response.Content.CopyToAsync(Stream.Null, cancellationToken);
            }

            latency.RecordValue(Microseconds(due, Stopwatch.GetTimestamp()));
        }
        catch (Exception error) when (error is HttpRequestException or IOException or TaskCanceledException)
        {
            outcome.Fail();
        }
    }

    /// <summary>Times each `data:` line as it arrives: the first from the due time, the rest from the one before.</summary>
    private static async Task ReadStreamAsync(
        HttpResponseMessage response, long due, LongConcurrentHistogram firstToken, LongConcurrentHistogram chunkGap,
        Outcome outcome, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        long previous = 0;
        var chunks = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (!line.StartsWith("data:", StringComparison.Ordinal))
            {
                continue;
            }

            var now = Stopwatch.GetTimestamp();
            if (previous == 0)
            {
                firstToken.RecordValue(Microseconds(due, now));
            }
            else
            {
                chunkGap.RecordValue(Microseconds(previous, now));
            }

            previous = now;
            chunks++;
        }

        outcome.AddChunks(chunks);
    }

    private static long Microseconds(long from, long to) => Math.Max(1, (long)Stopwatch.GetElapsedTime(from, to).TotalMicroseconds);

    private sealed class Outcome
    {
        private int _failed;
        private long _chunks;

        public int Failed => Volatile.Read(ref _failed);

        public long Chunks => Interlocked.Read(ref _chunks);

        public void Fail() => Interlocked.Increment(ref _failed);

        public void AddChunks(int count) => Interlocked.Add(ref _chunks, count);
    }
}
