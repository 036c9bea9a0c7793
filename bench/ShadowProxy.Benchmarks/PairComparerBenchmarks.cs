using System.Text;
using BenchmarkDotNet.Attributes;
using ShadowProxy.Core.Comparison;
using ShadowProxy.Core.Normalization;

namespace ShadowProxy.Benchmarks;

/// <summary>
/// One compared pair of ~2 KB chat answers with the default comparators (label extraction, refusal, markdown,
/// JSON checks, token F1, ROUGE-L). Pairs per second per core = 1 s / Mean.
/// </summary>
[MemoryDiagnoser]
public class PairComparerBenchmarks
{
    private readonly PairComparer _comparer = new();
    private ComparisonInput _withUsage = null!;
    private ComparisonInput _withoutUsage = null!;

    [GlobalSetup]
    public void Setup()
    {
        var request = new RequestFacts { PromptText = "Explain the retry design, then answer [Yes] or [No]: is it safe?" };
        _withUsage = new ComparisonInput { Request = request, Baseline = Answer(1, withUsage: true), Primary = Answer(2, withUsage: true) };
        _withoutUsage = _withUsage with { Baseline = Answer(1, withUsage: false), Primary = Answer(2, withUsage: false) };
    }

    /// <summary>The usual case: providers report token usage.</summary>
    [Benchmark(Baseline = true)]
    public object CompareTwoKilobyteAnswers() => _comparer.Compare(_withUsage);

    /// <summary>No usage in the responses, so output tokens are counted with the o200k tokenizer.</summary>
    [Benchmark]
    public object CompareTwoKilobyteAnswersCountingTokens() => _comparer.Compare(_withoutUsage);

    private static NormalizedResponse Answer(int seed, bool withUsage)
    {
        var random = new Random(seed);
        string[] words =
        [
            "the", "service", "retries", "requests", "with", "exponential", "backoff", "and", "jitter", "so", "that",
            "load", "spreads", "evenly", "across", "replicas", "when", "an", "upstream", "fails", "- item", "\n",
        ];
        var text = new StringBuilder("## Summary\n");
        while (text.Length < 2_000)
        {
            text.Append(words[random.Next(words.Length)]).Append(' ');
        }

        text.Append("\n\nSo the answer is [Yes]");
        return new NormalizedResponse
        {
            Status = ResponseStatus.Ok,
            Model = "gpt-4o",
            Choices = [new NormalizedChoice { Text = text.ToString(), FinishReason = "stop" }],
            Usage = withUsage ? new TokenUsage { PromptTokens = 50, CompletionTokens = 420, TotalTokens = 470 } : null,
        };
    }
}
