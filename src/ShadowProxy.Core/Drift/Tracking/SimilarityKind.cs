namespace ShadowProxy.Core.Drift.Tracking;

/// <summary>Graded similarities of the two answers, tested against the baseline's similarity to its own replicate.</summary>
internal enum SimilarityKind
{
    /// <summary>Token F1 of free-text answers (the whole text was the answer).</summary>
    FreeText,

    /// <summary>Cosine of the two embedding vectors an embeddings request returned.</summary>
    Embedding,
}
