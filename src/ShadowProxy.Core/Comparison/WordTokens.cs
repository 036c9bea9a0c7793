namespace ShadowProxy.Core.Comparison;

/// <summary>
/// Case-insensitive word hashes (runs of letters or digits; each CJK character is its own word), capped.
/// Hashing instead of allocating strings keeps F1 and ROUGE-L allocation-light on the comparison hot path;
/// a 32-bit FNV-1a collision only ever makes two different words count as equal.
/// </summary>
internal static class WordTokens
{
    private const uint FnvOffset = 2166136261;
    private const uint FnvPrime = 16777619;

    public static int[] Hash(string text, int maxTokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<int>(Math.Min(maxTokens, (text.Length / 5) + 1));
        var span = text.AsSpan();
        var i = 0;
        while (i < span.Length && tokens.Count < maxTokens)
        {
            var c = span[i];
            if (!IsWordChar(c))
            {
                i++;
                continue;
            }

            var hash = FnvOffset;
            if (IsCjk(c))
            {
                hash = (hash ^ c) * FnvPrime;
                i++;
            }
            else
            {
                while (i < span.Length && IsWordChar(span[i]) && !IsCjk(span[i]))
                {
                    hash = (hash ^ Lower(span[i])) * FnvPrime;
                    i++;
                }
            }

            tokens.Add((int)hash);
        }

        return [.. tokens];
    }

    public static int CountWords(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var isSpace = c <= ' ' ? c is ' ' or >= '\t' and <= '\r' : c > '\u007f' && char.IsWhiteSpace(c);
            count += !isSpace && !inWord ? 1 : 0;
            inWord = !isSpace;
        }

        return count;
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || (c > '\u007f' && char.IsLetterOrDigit(c));

    private static char Lower(char c) => char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c <= '\u007f' ? c : char.ToLowerInvariant(c);

    private static bool IsCjk(char c) => c is >= '\u3040' and <= '\u30FF' or >= '\u3400' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7AF';
}
