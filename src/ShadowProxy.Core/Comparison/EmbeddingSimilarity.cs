using ShadowProxy.Core.Normalization;

namespace ShadowProxy.Core.Comparison;

internal static class EmbeddingSimilarity
{
    /// <summary>Cosine of the first vectors when both sides returned embeddings of the same dimension.</summary>
    public static double? Cosine(NormalizedResponse baseline, NormalizedResponse primary)
    {
        if (baseline.Embeddings.Count == 0 || primary.Embeddings.Count == 0)
        {
            return null;
        }

        var b = baseline.Embeddings[0];
        var p = primary.Embeddings[0];
        if (b.Length != p.Length || b.Length == 0)
        {
            return null;
        }

        double dot = 0, normB = 0, normP = 0;
        for (var i = 0; i < b.Length; i++)
        {
            dot += (double)b[i] * p[i];
            normB += (double)b[i] * b[i];
            normP += (double)p[i] * p[i];
        }

        return normB == 0 || normP == 0 ? null : dot / Math.Sqrt(normB * normP);
    }
}
