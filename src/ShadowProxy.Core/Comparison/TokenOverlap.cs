namespace ShadowProxy.Core.Comparison;

/// <summary>Bag-of-words F1 (SQuAD style) over word hashes.</summary>
internal static class TokenOverlap
{
    public static double F1(int[] left, int[] right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (left.Length == 0 || right.Length == 0)
        {
            return left.Length == right.Length ? 1.0 : 0.0;
        }

        var a = (int[])left.Clone();
        var b = (int[])right.Clone();
        Array.Sort(a);
        Array.Sort(b);
        int common = 0, i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                common++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        if (common == 0)
        {
            return 0.0;
        }

        var precision = (double)common / b.Length;
        var recall = (double)common / a.Length;
        return 2 * precision * recall / (precision + recall);
    }
}
