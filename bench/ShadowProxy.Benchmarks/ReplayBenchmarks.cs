using BenchmarkDotNet.Attributes;
using ShadowProxy.Core.Comparison;
using ShadowProxy.Core.Replay;

namespace ShadowProxy.Benchmarks;

/// <summary>
/// End-to-end offline replay of the LLMDrift prime-number recordings (gpt-4-0314 vs gpt-4-0613, 1,000 pairs):
/// CSV reading, pairing, comparison and the drift statistics of the report.
/// </summary>
[MemoryDiagnoser]
public class ReplayBenchmarks
{
    public const string FileName = "PRIME_FULL_EVAL.csv";

    private readonly ReplayRunner _runner = new(new PairComparer());
    private readonly ReplayOptions _options = new() { Baseline = "openaichat/gpt-4-0314", Primary = "openaichat/gpt-4-0613" };
    private string _path = null!;

    [GlobalSetup]
    public void Setup() =>
        _path = LlmDriftData.Find(FileName) ?? throw new InvalidOperationException(LlmDriftData.NotFoundMessage(FileName));

    [Benchmark]
    public int ReplayPrimeGpt4MarchToJune() => _runner.Run(ReplayFileReader.Read(_path), _options).Pairs;
}
