using System.Text;
using BenchmarkDotNet.Attributes;
using ShadowProxy.Core.Comparison;
using ShadowProxy.Core.Normalization;

namespace ShadowProxy.Benchmarks;

/// <summary>
/// One compared pair of ~2 KB chat answers with the default comparators (label extraction, refusal, markdown,
/// JSON checks, token F1, ROUGE-L), and the other kinds of traffic: a survey prompt read as multiple choice, free
/// text, tool calls. Pairs per second per core = 1 s / Mean.
/// </summary>
[MemoryDiagnoser]
public class PairComparerBenchmarks
{
    private readonly PairComparer _comparer = new();
    private ComparisonInput _withUsage = null!;
    private ComparisonInput _withoutUsage = null!;
    private ComparisonInput _multipleChoice = null!;
    private ComparisonInput _freeText = null!;
    private ComparisonInput _toolCalls = null!;

    [GlobalSetup]
    public void Setup()
    {
        var request = new RequestFacts { PromptText = "Explain the retry design, then answer [Yes] or [No]: is it safe?" };
        _withUsage = new ComparisonInput { Request = request, Baseline = Answer(1, withUsage: true), Primary = Answer(2, withUsage: true) };
        _withoutUsage = _withUsage with { Baseline = Answer(1, withUsage: false), Primary = Answer(2, withUsage: false) };
        var survey = new RequestFacts
        {
            PromptText = "You are taking a survey.  Pick the best single option (e.g., (A)).\n\nQuestion: How do you see the future?\n"
                + "(A). Very optimistic\n(B). Somewhat optimistic\n(C). Somewhat pessimistic\n(D). Very pessimistic\n(E). Refused\nAnswer:",
        };
        _multipleChoice = new ComparisonInput { Request = survey, Baseline = Answer(3, withUsage: true, "\n\n(B). Somewhat optimistic"), Primary = Answer(4, withUsage: true, "\n\nThis question is subjective.") };
        _freeText = new ComparisonInput { Request = new RequestFacts { PromptText = "Explain the retry design." }, Baseline = Answer(5, withUsage: true, string.Empty), Primary = Answer(6, withUsage: true, string.Empty) };
        var tools = new RequestFacts { PromptText = "What is the weather in Paris?", OffersTools = true };
        _toolCalls = new ComparisonInput { Request = tools, Baseline = Calls("""{"city":"Paris","days":3}"""), Primary = Calls("""{ "days": 3.0, "city": "Paris" }""") };
    }

    /// <summary>A survey prompt: options parsed from the prompt, one side picks none.</summary>
    [Benchmark]
    public object CompareMultipleChoiceAnswers() => _comparer.Compare(_multipleChoice);

    /// <summary>Free text: the whole answer is compared by token F1 and ROUGE-L.</summary>
    [Benchmark]
    public object CompareFreeTextAnswers() => _comparer.Compare(_freeText);

    /// <summary>Tool calls on both sides: name sets and canonical arguments.</summary>
    [Benchmark]
    public object CompareToolCalls() => _comparer.Compare(_toolCalls);

    private static NormalizedResponse Calls(string arguments) => new()
    {
        Status = ResponseStatus.Ok,
        Model = "gpt-4o",
        Choices = [new NormalizedChoice { FinishReason = "tool_calls", ToolCalls = [new NormalizedToolCall { Id = "call_1", Name = "get_weather", Arguments = arguments }] }],
        Usage = new TokenUsage { PromptTokens = 50, CompletionTokens = 20, TotalTokens = 70 },
    };

    /// <summary>The usual case: providers report token usage.</summary>
    [Benchmark(Baseline = true)]
    public object CompareTwoKilobyteAnswers() => _comparer.Compare(_withUsage);

    /// <summary>No usage in the responses, so output tokens are counted with the o200k tokenizer.</summary>
    [Benchmark]
    public object CompareTwoKilobyteAnswersCountingTokens() => _comparer.Compare(_withoutUsage);

    private static NormalizedResponse Answer(int seed, bool withUsage, string ending = "\n\nSo the answer is [Yes]")
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

        text.Append(ending);
        return new NormalizedResponse
        {
            Status = ResponseStatus.Ok,
            Model = "gpt-4o",
            Choices = [new NormalizedChoice { Text = text.ToString(), FinishReason = "stop" }],
            Usage = withUsage ? new TokenUsage { PromptTokens = 50, CompletionTokens = 420, TotalTokens = 470 } : null,
        };
    }
}
