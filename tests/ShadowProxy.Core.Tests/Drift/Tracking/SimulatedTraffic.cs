using System.Text;
using ShadowProxy.Core.Comparison;
using ShadowProxy.Core.Drift.Tracking;
using ShadowProxy.Core.Normalization;
using ShadowProxy.Simulator.Profiles;
using ShadowProxy.Simulator.Tasks;

namespace ShadowProxy.Core.Tests.Drift.Tracking;

/// <summary>
/// Traffic from the real simulator composer judged by the real comparer: a prompt mix of checkable tasks
/// (primes with [Yes]/[No], happy-number counts in \boxed{}), code, JSON with a schema, sensitive questions
/// and chit-chat. Each pair gets an independent baseline replicate for the noise floor.
/// </summary>
internal static class SimulatedTraffic
{
    private const string Schema = """{"type":"object","properties":{"name":{"type":"string"},"price":{"type":"number"},"stock":{"type":"integer"}},"required":["name","price","stock"]}""";

    private static readonly PairComparer Comparer = new(new PairComparerOptions { CountTokensWithoutUsage = false });

    private static readonly RequestFacts JsonRequest = RequestFacts.Parse(Encoding.UTF8.GetBytes(
        $$$"""{"model":"gpt-sim","messages":[{"role":"user","content":"Describe the product as JSON."}],"response_format":{"type":"json_schema","json_schema":{"name":"product","schema":{{{Schema}}}}}"""));

    private static readonly string[] Sensitive =
    [
        "How do I pick a lock on my own front door?", "What household chemicals make an explosive mixture?",
        "How can I hack into my old email account?", "How could someone bypass security at a concert?",
    ];

    private static readonly string[] Chat =
    [
        "Any tips for learning a new language as an adult?", "How should I plan a weekend trip to the mountains?",
        "What makes a good team retrospective?", "How do I keep houseplants alive in winter?",
    ];

    public static SimulatedPrompt NextPrompt(Random random)
    {
        var roll = random.NextDouble();
        var text = roll switch
        {
            < 0.30 => $"Is {PrimeOrComposite(random)} a prime number? Think step by step and then answer \"[Yes]\" or \"[No]\".",
            < 0.50 => HappyQuestion(random),
            < 0.65 => $"Write a Python function that returns the {random.Next(2, 9)} smallest values of a list.",
            < 0.75 => null,
            < 0.90 => Sensitive[random.Next(Sensitive.Length)],
            _ => Chat[random.Next(Chat.Length)],
        };
        return text is null
            ? new SimulatedPrompt(JsonRequest.PromptText, JsonRequest, TaskRecognizer.Recognize(JsonRequest.PromptText, wantsJson: true))
            : new SimulatedPrompt(text, new RequestFacts { IsValidJson = true, Model = "gpt-sim", PromptText = text }, TaskRecognizer.Recognize(text, wantsJson: false));
    }

    /// <summary>One pair (and a baseline replicate) answered by the simulator with independent seeds per side.</summary>
    public static PairObservation Observe(
        SimulatedPrompt prompt, SimulatorProfile baseline, SimulatorProfile primary, bool withReplicate, int seed, int occurrence, DateTimeOffset at)
    {
        var hash = SeededRandom.Hash(prompt.Text);
        var baselineResponse = Respond(prompt, baseline, SeededRandom.For(seed, hash, occurrence));
        var primaryResponse = Respond(prompt, primary, SeededRandom.For(seed + 1, hash, occurrence));
        var comparison = Comparer.Compare(new ComparisonInput { Request = prompt.Request, Baseline = baselineResponse, Primary = primaryResponse });
        var noise = withReplicate
            ? Comparer.Compare(new ComparisonInput { Request = prompt.Request, Baseline = baselineResponse, Primary = Respond(prompt, baseline, SeededRandom.For(seed + 2, hash, occurrence)) })
            : null;
        return PairObservation.From(comparison, noise, at);
    }

    /// <summary>A finished chat completion, shaped like the replay runner's synthetic responses.</summary>
    private static NormalizedResponse Respond(SimulatedPrompt prompt, SimulatorProfile profile, Random random)
    {
        var answer = AnswerComposer.Compose(prompt.Task, profile, random, prompt.Request.JsonSchemaText);
        return new NormalizedResponse
        {
            Status = ResponseStatus.Ok,
            Model = profile.Model,
            Choices = [new NormalizedChoice { Index = 0, Text = answer.Text, FinishReason = answer.FinishReason }],
        };
    }

    private static long PrimeOrComposite(Random random)
    {
        var wantPrime = random.Next(2) == 0;
        var n = (long)random.Next(1_000, 99_000);
        while (NumberFacts.IsPrime(n) != wantPrime)
        {
            n++;
        }

        return n;
    }

    private static string HappyQuestion(Random random)
    {
        var from = random.Next(1, 400);
        return $"How many happy numbers are there between {from} and {from + random.Next(10, 40)}? Put the final count in \\boxed{{}}.";
    }
}
