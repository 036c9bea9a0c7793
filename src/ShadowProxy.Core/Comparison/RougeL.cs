namespace ShadowProxy.Core.Comparison;

/// <summary>
/// ROUGE-L F-measure (β = 1) from the longest common subsequence of word hashes. The LCS uses the
/// bit-parallel algorithm of Hyyrö (2004): O(n·m/64) instead of O(n·m), which keeps 2,000-token answers cheap.
/// </summary>
internal static class RougeL
{
    public static double FMeasure(int[] reference, int[] candidate)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(candidate);
        if (reference.Length == 0 || candidate.Length == 0)
        {
            return reference.Length == candidate.Length ? 1.0 : 0.0;
        }

        var lcs = LongestCommonSubsequence(reference, candidate);
        if (lcs == 0)
        {
            return 0.0;
        }

        var recall = (double)lcs / reference.Length;
        var precision = (double)lcs / candidate.Length;
        return 2 * precision * recall / (precision + recall);
    }

    public static int LongestCommonSubsequence(int[] a, int[] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var words = (a.Length + 63) / 64;
        var matches = new Dictionary<int, ulong[]>();
        for (var i = 0; i < a.Length; i++)
        {
            if (!matches.TryGetValue(a[i], out var mask))
            {
                mask = new ulong[words];
                matches[a[i]] = mask;
            }

            mask[i >> 6] |= 1UL << (i & 63);
        }

        var v = new ulong[words];
        Array.Fill(v, ulong.MaxValue);
        foreach (var symbol in b)
        {
            if (matches.TryGetValue(symbol, out var mask))
            {
                Step(v, mask);
            }
        }

        var zeros = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if ((v[i >> 6] & (1UL << (i & 63))) == 0)
            {
                zeros++;
            }
        }

        return zeros;
    }

    /// <summary>V' = (V + (V &amp; M)) | (V &amp; ~M), with the addition carried across words.</summary>
    private static void Step(ulong[] v, ulong[] mask)
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
