using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using OpenAI.Chat;
using ShadowProxy.Yarp.Shadowing.Sampling;

namespace ShadowProxy.Yarp.Pairs.Judging;

/// <summary>
/// Asks a judge model (official OpenAI .NET SDK, configurable endpoint) whether two free-text answers agree in
/// substance. Sampled, capped per minute, and given only its own key.
/// </summary>
internal sealed partial class LlmJudge
{
    private readonly OpinionGate _gate;
    private readonly ChatClient? _client;

    public LlmJudge(IOptions<ComparisonOptions> options, SamplingRandom random, TimeProvider time)
    {
        _gate = new OpinionGate(options.Value.Judge, random, time);
        _client = _gate.ClientOptions is { } settings ? new ChatClient(_gate.Model, _gate.Credential, settings) : null;
    }

    /// <returns>True/false for a verdict; null when not sampled, over the cap, or the judge gave no usable answer.</returns>
    public async Task<bool?> AgreeAsync(string question, string baseline, string primary, CancellationToken cancellationToken)
    {
        if (_client is null || !_gate.ShouldAsk())
        {
            return null;
        }

        var prompt = $"""
            Two assistants answered the same question. Decide whether their answers agree in substance
            (same facts, same conclusion), ignoring style and length.
            Question: {question}
            Answer A: {baseline}
            Answer B: {primary}
            Reply with [Yes] or [No] only.
            """;
        ChatCompletion completion = await _client.CompleteChatAsync([new UserChatMessage(prompt)], new ChatCompletionOptions { Temperature = 0 }, cancellationToken);
        var verdict = Verdict().Matches(completion.Content.Count > 0 ? completion.Content[0].Text : string.Empty).LastOrDefault()?.Groups[1].Value;
        return verdict?.Equals("yes", StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"\[(Yes|No)\]", RegexOptions.IgnoreCase)]
    private static partial Regex Verdict();
}
