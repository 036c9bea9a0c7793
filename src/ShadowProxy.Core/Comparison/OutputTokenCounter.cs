using Microsoft.ML.Tokenizers;

namespace ShadowProxy.Core.Comparison;

/// <summary>
/// Counts tokens with the o200k tokenizer when the provider reported no usage. The tokenizer loads a large
/// vocabulary, so it is created once, on first need, and shared (it is thread-safe).
/// </summary>
internal static class OutputTokenCounter
{
    private static readonly Lazy<Tokenizer> Tokenizer = new(
        static () => TiktokenTokenizer.CreateForEncoding("o200k_base"),
        LazyThreadSafetyMode.ExecutionAndPublication);

    public static int Count(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length == 0 ? 0 : Tokenizer.Value.CountTokens(text);
    }
}
