namespace ShadowProxy.Core.Comparison;

/// <summary>Bag-of-words F1 (SQuAD style): shared tokens counted as a multiset.</summary>
internal static class TokenOverlap
{
    public static double F1(int[] reference, int[] candidate) => F1(DenseTokens.Map(reference, candidate));

    public static double F1(DenseTokens tokens)
    {
        var (reference, candidate, distinct) = tokens;
        if (reference.Length == 0 || candidate.Length == 0)
        {
            return reference.Length == candidate.Length ? 1.0 : 0.0;
        }

        var remaining = new int[distinct];
        foreach (var id in reference)
        {
            remaining[id]++;
        }

        var common = 0;
        foreach (var id in candidate)
        {
            if (remaining[id] > 0)
            {
                remaining[id]--;
                common++;
            }
        }

        if (common == 0)
        {
            return 0.0;
        }

        var precision = (double)common / candidate.Length;
        var recall = (double)common / reference.Length;
        return 2 * precision * recall / (precision + recall);
    }
}
