using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ShadowProxy.LoadBench.Harness;
using ShadowProxy.LoadBench.Soak;
using ShadowProxy.LoadBench.Systems;

namespace ShadowProxy.LoadBench.Memory;

/// <summary>
/// The red-team's memory attacks against `shadowproxy serve` alone on core 1, shadowing everything: a baseline that
/// never answers while the primary returns multi-megabyte answers, then rounds of slow megabyte streams. The
/// gateway's RSS must stay bounded by its byte budget and come back between rounds.
/// </summary>
internal sealed partial class MemoryCommand(MemorySettings settings, BenchLayout layout)
{
    private static readonly TimeSpan SampleEvery = TimeSpan.FromMilliseconds(250);
    private const string Chat = """{"model":"gpt-4o","messages":[{"role":"user","content":"write a lot"}]}""";
    private const string StreamedChat = """{"model":"gpt-4o","stream":true,"messages":[{"role":"user","content":"write a lot"}]}""";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var work = Directory.CreateDirectory(Path.Combine(layout.RepoRoot, "artifacts", "bench", "memory")).FullName;
        await using var upstreams = await MemoryUpstreams.StartAsync(settings, cancellationToken);
        var context = new SystemContext(layout, work, 1, upstreams.Primary, upstreams.HungBaseline, upstreams.HungBaseline, upstreams.HungBaseline);
        await using var gateway = await ShadowProxyServe.StartAsync(context, 1, upstreams.HungBaseline, cancellationToken, new Dictionary<string, string>
        {
            ["Shadowing__MaxBufferedBytes"] = settings.MaxBufferedBytes.ToString(CultureInfo.InvariantCulture),
            ["Shadowing__Routes__openai__Baseline__Timeout"] = "00:00:30",
            ["Shadowing__Routes__openai__NoiseReplicateRate"] = "0",
        });
        using var client = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        var pid = gateway.ProcessId!.Value;
        var samples = new List<MemorySample>();
        using var sampling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var clock = Stopwatch.StartNew();
        var sampler = SampleAsync(client, gateway.AdminBase!, pid, samples, clock, sampling.Token);

        await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
        var phases = new List<MemoryPhase> { Mark("idle", samples, 0, errors: 0) };

        var start = samples.Count;
        var (sent, errors) = await HungBaselinePhaseAsync(client, gateway.OpenAiBase, cancellationToken);
        phases.Add(Mark($"hung baseline, {settings.LargeAnswerBytes / 1024 / 1024} MiB answers, {settings.HungClients} clients", samples, start, errors, sent));

        for (var round = 1; round <= settings.StreamRounds; round++)
        {
            start = samples.Count;
            errors = await StreamRoundAsync(client, gateway.OpenAiBase, cancellationToken);
            phases.Add(Mark($"round {round}: {settings.StreamsPerRound} slow {settings.StreamBytes / 1024 / 1024} MiB streams", samples, start, errors, settings.StreamsPerRound));
        }

        var accounting = await ShadowAccountingScrape.SettledAsync(client, gateway.AdminBase!, TimeSpan.FromSeconds(45), cancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
        start = samples.Count;
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        phases.Add(Mark("after draining", samples, start, errors: 0));
        await sampling.CancelAsync();
        await sampler;

        var report = new MemoryReport(settings, phases, accounting, ProcessMeter.PeakRssMiB(pid), samples);
        await report.WriteAsync(Path.Combine(layout.RepoRoot, settings.Output), cancellationToken);
        Console.WriteLine(report.Markdown());
        return phases.Sum(p => p.Errors) == 0 && accounting.Balanced && report.Bounded && report.Flat ? 0 : 1;
    }

    private async Task<(int Sent, int Errors)> HungBaselinePhaseAsync(HttpClient client, Uri openAi, CancellationToken cancellationToken)
    {
        var until = Stopwatch.StartNew();
        int sent = 0, errors = 0;
        await Task.WhenAll(Enumerable.Range(0, settings.HungClients).Select(async _ =>
        {
            while (until.Elapsed < settings.HungPhase)
            {
                Interlocked.Increment(ref sent);
                if (await SendAsync(client, openAi, Chat, cancellationToken) < settings.LargeAnswerBytes)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }));
        return (sent, errors);
    }

    private async Task<int> StreamRoundAsync(HttpClient client, Uri openAi, CancellationToken cancellationToken)
    {
        var lengths = await Task.WhenAll(Enumerable.Range(0, settings.StreamsPerRound).Select(_ => SendAsync(client, openAi, StreamedChat, cancellationToken)));
        return lengths.Count(length => length < settings.StreamBytes);
    }

    /// <returns>Characters of the answer received, 0 on failure.</returns>
    private static async Task<long> SendAsync(HttpClient client, Uri openAi, string body, CancellationToken cancellationToken)
    {
        try
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await client.PostAsync(new Uri(openAi, "chat/completions"), content, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            return response.IsSuccessStatusCode ? text.Length : 0;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
    }

    private static async Task SampleAsync(HttpClient client, Uri admin, int pid, List<MemorySample> samples, Stopwatch clock, CancellationToken cancellationToken)
    {
        long budget = 0;
        var lastScrape = TimeSpan.Zero;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                if (clock.Elapsed - lastScrape >= TimeSpan.FromSeconds(1))
                {
                    lastScrape = clock.Elapsed;
                    var metrics = await client.GetStringAsync(new Uri(admin, "metrics"), cancellationToken);
                    budget = BudgetGauge().Match(metrics) is { Success: true } m ? (long)double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : budget;
                }

                lock (samples)
                {
                    samples.Add(new MemorySample(clock.Elapsed.TotalSeconds, ProcessMeter.RssMiB(pid), budget / 1024.0 / 1024.0));
                }

                await Task.Delay(SampleEvery, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The run is over.
        }
    }

    private static MemoryPhase Mark(string name, List<MemorySample> samples, int from, int errors, int requests = 0)
    {
        lock (samples)
        {
            var during = samples.Skip(from).ToList();
            if (during.Count == 0)
            {
                during = [samples[^1]];
            }

            return new MemoryPhase(name, requests, errors, during.Max(s => s.RssMiB), during[^1].RssMiB, during.Max(s => s.BudgetMiB));
        }
    }

    [GeneratedRegex(@"^shadowproxy_capture_budget_bytes(?:\{[^}]*\})? ([0-9.eE+]+)", RegexOptions.Multiline)]
    private static partial Regex BudgetGauge();
}

/// <summary>One reading: the gateway's resident memory and the bytes its shadow buffers held.</summary>
internal sealed record MemorySample(double Seconds, double RssMiB, double BudgetMiB);

/// <summary>What one phase did to the gateway's memory.</summary>
internal sealed record MemoryPhase(string Name, int Requests, int Errors, double PeakRssMiB, double EndRssMiB, double PeakBudgetMiB);
