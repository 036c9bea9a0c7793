using System.Text.Json;

namespace ShadowProxy.Core.Normalization;

/// <summary>Reads chat-style (<c>prompt_tokens</c>) and Responses-style (<c>input_tokens</c>) usage objects.</summary>
internal static class UsageReader
{
    public static TokenUsage? Read(JsonElement owner)
    {
        if (owner.Property("usage") is not { ValueKind: JsonValueKind.Object } usage)
        {
            return null;
        }

        var prompt = usage.Int("prompt_tokens") ?? usage.Int("input_tokens");
        var completion = usage.Int("completion_tokens") ?? usage.Int("output_tokens");
        var total = usage.Int("total_tokens") ?? (prompt + completion);
        return new TokenUsage { PromptTokens = prompt, CompletionTokens = completion, TotalTokens = total };
    }
}
