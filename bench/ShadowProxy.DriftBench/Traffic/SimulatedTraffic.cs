using System.Text;
using ShadowProxy.Core.Comparison;
using ShadowProxy.Core.Drift.Tracking;
using ShadowProxy.Core.Normalization;
using ShadowProxy.Simulator.Tasks;

namespace ShadowProxy.DriftBench.Traffic;

/// <summary>
/// Traffic from the real simulator composer judged by the real comparer: per route kind, checkable tasks
/// (primes with [Yes]/[No], happy-number counts in \boxed{}), code, JSON with a schema, sensitive questions,
/// chit-chat and tool calls. A pair may get an independent baseline replicate for the noise floor.
/// </summary>
internal static class SimulatedTraffic
{
    private const string Schema = """{"type":"object","properties":{"name":{"type":"string"},"price":{"type":"number"},"stock":{"type":"integer"}},"required":["name","price","stock"]}""";

    private static readonly PairComparer Comparer = new(new PairComparerOptions { CountTokensWithoutUsage = false });

    private static readonly RequestFacts JsonRequest = RequestFacts.Parse(Encoding.UTF8.GetBytes(
        """{"model":"gpt-sim","messages":[{"role":"user","content":"Describe the product as JSON."}],"response_format":{"type":"json_schema","json_schema":{"name":"product","schema":"""
        + Schema + "}}}"));

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

    private static readonly string[] Cities = ["Lisbon", "Osaka", "Denver", "Nairobi", "Oslo", "Lima"];

    public static SimulatedPrompt NextPrompt(Random random, RouteKind route = RouteKind.Mixed)
    {
        var roll = random.NextDouble();
        return route switch
        {
            RouteKind.Math => Text(roll < 0.6 ? PrimeQuestion(random) : HappyQuestion(random)),
            RouteKind.Chat => Text(roll < 0.5 ? Sensitive[random.Next(Sensitive.Length)] : Chat[random.Next(Chat.Length)]),
            RouteKind.Code => Text(CodeQuestion(random)),
            RouteKind.Json => JsonPrompt(),
            RouteKind.Tools => ToolPrompt(random),
            RouteKind.MixedChatty => roll switch
            {
                < 0.10 => Text(PrimeQuestion(random)),
                < 0.45 => Text(CodeQuestion(random)),
                < 0.60 => Text(Sensitive[random.Next(Sensitive.Length)]),
                _ => Text(Chat[random.Next(Chat.Length)]),
            },
            _ => roll switch
            {
                < 0.30 => Text(PrimeQuestion(random)),
                < 0.50 => Text(HappyQuestion(random)),
                < 0.65 => Text(CodeQuestion(random)),
                < 0.75 => JsonPrompt(),
                < 0.90 => Text(Sensitive[random.Next(Sensitive.Length)]),
                _ => Text(Chat[random.Next(Chat.Length)]),
            },
        };
    }

    /// <summary>One pair (and a baseline replicate) answered by the simulator with independent seeds per side.</summary>
    public static PairObservation Observe(
        SimulatedPrompt prompt, SimulatedModel baseline, SimulatedModel primary, bool withReplicate, int seed, int occurrence, DateTimeOffset at)
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
    private static NormalizedResponse Respond(SimulatedPrompt prompt, SimulatedModel model, Random random)
    {
        if (prompt.City is { } city)
        {
            return ToolCall(model, random, city);
        }

        // Off topic: a free-text question answered with reasoning meant for another task.
        var task = prompt.Task.Kind is TaskKind.Chat or TaskKind.Sensitive && random.NextDouble() < model.OffTopicRate
            ? new RecognizedTask(TaskKind.Prime, "Yes", "No")
            : prompt.Task;
        var answer = AnswerComposer.Compose(task, model.Profile, random, prompt.Request.JsonSchemaText);
        return new NormalizedResponse
        {
            Status = ResponseStatus.Ok,
            Model = model.Profile.Model,
            Choices = [new NormalizedChoice { Index = 0, Text = answer.Text, FinishReason = answer.FinishReason }],
        };
    }

    private static NormalizedResponse ToolCall(SimulatedModel model, Random random, string city)
    {
        var other = random.NextDouble() < SimulatedModel.ToolNoise + model.ToolSwitchRate;
        var unit = random.NextDouble() < SimulatedModel.ToolNoise ? "fahrenheit" : "celsius";
        var call = other
            ? new NormalizedToolCall { Id = "call_1", Name = "search_web", Arguments = $$"""{"query":"weather {{city}}"}""" }
            : new NormalizedToolCall { Id = "call_1", Name = "get_weather", Arguments = $$"""{"city":"{{city}}","unit":"{{unit}}"}""" };
        return new NormalizedResponse
        {
            Status = ResponseStatus.Ok,
            Model = model.Profile.Model,
            Choices = [new NormalizedChoice { Index = 0, ToolCalls = [call], FinishReason = "tool_calls" }],
        };
    }

    private static SimulatedPrompt Text(string text) =>
        new(text, new RequestFacts { IsValidJson = true, Model = "gpt-sim", PromptText = text }, TaskRecognizer.Recognize(text, wantsJson: false));

    private static SimulatedPrompt JsonPrompt() =>
        new(JsonRequest.PromptText, JsonRequest, TaskRecognizer.Recognize(JsonRequest.PromptText, wantsJson: true));

    private static SimulatedPrompt ToolPrompt(Random random)
    {
        var city = Cities[random.Next(Cities.Length)];
        var text = $"What is the weather in {city} right now?";
        return new SimulatedPrompt(text, new RequestFacts { IsValidJson = true, Model = "gpt-sim", PromptText = text, OffersTools = true }, new RecognizedTask(TaskKind.Chat), city);
    }

    private static string PrimeQuestion(Random random) =>
        $"Is {PrimeOrComposite(random)} a prime number? Think step by step and then answer \"[Yes]\" or \"[No]\".";

    private static string CodeQuestion(Random random) =>
        $"Write a Python function that returns the {random.Next(2, 9)} smallest values of a list.";

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
