using System.ClientModel;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using OpenAI;
using OpenAI.Chat;
using ShadowProxy.Gateway.Shadowing.Sampling;

namespace ShadowProxy.Gateway.Pairs.Judging;

/// <summary>
/// Asks a judge model (official OpenAI .NET SDK, configurable endpoint) whether two free-text answers agree in
/// substance. Sampled, capped per minute, and given only its own key.
/// </summary>
internal sealed partial class LlmJudge
{
    private readonly JudgeOptions _options;
    private readonly ChatClient? _client;
    private readonly CallAllowance _allowance;
    private readonly SamplingRandom _random;

    public LlmJudge(IOptions<ComparisonJudges> options, SamplingRandom random, TimeProvider time)
    {
        _options = options.Value.Judge;
        _random = random;
        _allowance = new CallAllowance(_options.MaxPerMinute, time);
        if (_options is { Enabled: true, Endpoint: { } endpoint })
        {
            _client = new ChatClient(_options.Model, new ApiKeyCredential(_options.ApiKey), new OpenAIClientOptions { Endpoint = endpoint, NetworkTimeout = _options.Timeout });
        }
    }

    /// <returns>True/false for a verdict; null when not sampled, over the cap, or the judge gave no usable answer.</returns>
    public async Task<bool?> AgreeAsync(string question, string baseline, string primary, CancellationToken cancellationToken)
    {
        if (_client is null || _random.NextDouble() >= _options.SampleRate || !_allowance.TryTake())
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
