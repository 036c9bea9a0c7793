namespace ShadowProxy.Core.Comparison;

/// <summary>Two token sequences re-numbered 0..Distinct-1, so per-token state fits in flat arrays.</summary>
internal readonly record struct DenseTokens(int[] Left, int[] Right, int Distinct)
{
    public static DenseTokens Map(int[] left, int[] right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var ids = new Dictionary<int, int>(Math.Min(left.Length + right.Length, 1_024));
        var mappedLeft = Renumber(left, ids);
        var mappedRight = Renumber(right, ids);
        return new DenseTokens(mappedLeft, mappedRight, ids.Count);
    }

    private static int[] Renumber(int[] tokens, Dictionary<int, int> ids)
    {
        var mapped = new int[tokens.Length];
        for (var i = 0; i < tokens.Length; i++)
        {
            if (!ids.TryGetValue(tokens[i], out var id))
            {
                id = ids.Count;
                ids[tokens[i]] = id;
            }

            mapped[i] = id;
        }

        return mapped;
    }
}
