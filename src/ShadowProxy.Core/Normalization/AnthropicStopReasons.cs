namespace ShadowProxy.Core.Normalization;

/// <summary>
/// Anthropic's stop reasons in the chat vocabulary (stop, length, tool_calls, content_filter), so a Messages answer
/// and a Chat Completions answer compare alike, even across providers.
/// </summary>
internal static class AnthropicStopReasons
{
    public const string Refusal = "refusal";

    public static string? ToFinishReason(string? stopReason) => stopReason switch
    {
        null => null,
        "end_turn" or "stop_sequence" => "stop",
        "max_tokens" or "model_context_window_exceeded" => "length",
        "tool_use" => "tool_calls",
        Refusal => "content_filter",
        _ => stopReason,
    };

    /// <summary>Applies a stop reason to a choice; a refusal keeps whatever text came before it as the refusal.</summary>
    public static void Apply(string? stopReason, ChoiceAccumulator choice)
    {
        choice.FinishReason = ToFinishReason(stopReason) ?? choice.FinishReason;
        if (stopReason == Refusal)
        {
            var said = choice.TextSoFar;
            choice.AppendRefusal(said.Length > 0 ? said : Refusal);
        }
    }
}
