namespace ShadowProxy.Core.Comparison;

/// <summary>
/// ROUGE-L F-measure (β = 1) from the longest common subsequence of word tokens. The LCS uses the
/// bit-parallel algorithm of Hyyrö (2004): O(n·m/64) instead of O(n·m), which keeps 2,000-token answers cheap.
/// </summary>
internal static class RougeL
{
    public static double FMeasure(int[] reference, int[] candidate) => FMeasure(DenseTokens.Map(reference, candidate));

    public static double FMeasure(DenseTokens tokens)
    {
        var (reference, candidate, _) = tokens;
        if (reference.Length == 0 || candidate.Length == 0)
        {
            return reference.Length == candidate.Length ? 1.0 : 0.0;
        }

        var lcs = LongestCommonSubsequence(tokens);
        if (lcs == 0)
        {
            return 0.0;
        }

        var recall = (double)lcs / reference.Length;
        var precision = (double)lcs / candidate.Length;
        return 2 * precision * recall / (precision + recall);
    }

    public static int LongestCommonSubsequence(int[] a, int[] b) => LongestCommonSubsequence(DenseTokens.Map(a, b));

    private static int LongestCommonSubsequence(DenseTokens tokens)
    {
        var (a, b, distinct) = tokens;
        var words = (a.Length + 63) >> 6;
        if (words == 0 || b.Length == 0)
        {
            return 0;
        }

        // Row id of the match mask: bit i is set where a[i] has that token.
        var masks = new ulong[distinct * words];
        for (var i = 0; i < a.Length; i++)
        {
            masks[(a[i] * words) + (i >> 6)] |= 1UL << (i & 63);
        }

        var v = new ulong[words];
        Array.Fill(v, ulong.MaxValue);
        foreach (var symbol in b)
        {
            Step(v, masks.AsSpan(symbol * words, words));
        }

        var zeros = 0;
        for (var w = 0; w < words; w++)
        {
            var bitsInWord = Math.Min(64, a.Length - (w << 6));
            var valid = bitsInWord == 64 ? ulong.MaxValue : (1UL << bitsInWord) - 1;
            zeros += System.Numerics.BitOperations.PopCount(~v[w] & valid);
        }

        return zeros;
    }

    /// <summary>V' = (V + (V &amp; M)) | (V &amp; ~M), with the addition carried across words.</summary>
    private static void Step(ulong[] v, ReadOnlySpan<ulong> mask)
    {
        ulong carry = 0;
        for (var w = 0; w < v.Length; w++)
        {
            var u = v[w] & mask[w];
            var sum = v[w] + u;
            var overflow = sum < v[w] ? 1UL : 0UL;
            var withCarry = sum + carry;
            overflow |= withCarry < sum ? 1UL : 0UL;
            v[w] = withCarry | (v[w] - u);
            carry = overflow;
        }
    }
}
