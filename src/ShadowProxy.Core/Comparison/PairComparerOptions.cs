namespace ShadowProxy.Core.Comparison;

internal sealed record PairComparerOptions
{
    /// <summary>Prices by model name or name prefix; models without a price get no cost.</summary>
    public IReadOnlyDictionary<string, ModelPrice> Prices { get; init; } = new Dictionary<string, ModelPrice>();

    /// <summary>Extra refusal regexes (case-insensitive) on top of the built-in seven-language set.</summary>
    public IReadOnlyList<string> ExtraRefusalPatterns { get; init; } = [];

    /// <summary>How much of the start of an answer refusal phrases are looked for in.</summary>
    public int RefusalWindowChars { get; init; } = 300;

    /// <summary>Word cap for F1 and ROUGE-L, bounding their cost on very long answers.</summary>
    public int SimilarityMaxTokens { get; init; } = 2_000;

    /// <summary>Count output tokens with the tokenizer when usage is missing (costly; off for pure throughput).</summary>
    public bool CountTokensWithoutUsage { get; init; } = true;
}
