namespace ShadowProxy.Core.Comparison;

/// <summary>
/// Case-insensitive word hashes (runs of letters or digits; each CJK character is its own word), capped.
/// Hashing instead of allocating strings keeps F1 and ROUGE-L allocation-light on the comparison hot path.
/// </summary>
internal static class WordTokens
{
    public static int[] Hash(string text, int maxTokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<int>(Math.Min(maxTokens, (text.Length / 5) + 1));
        Span<char> lower = stackalloc char[64];
        var span = text.AsSpan();
        var i = 0;
        while (i < span.Length && tokens.Count < maxTokens)
        {
            if (!char.IsLetterOrDigit(span[i]))
            {
                i++;
                continue;
            }

            var start = i;
            if (IsCjk(span[i]))
            {
                i++;
            }
            else
            {
                while (i < span.Length && char.IsLetterOrDigit(span[i]) && !IsCjk(span[i]))
                {
                    i++;
                }
            }

            var word = span[start..Math.Min(i, start + lower.Length)];
            var length = word.ToLowerInvariant(lower);
            tokens.Add(string.GetHashCode(lower[..length]));
        }

        return [.. tokens];
    }

    public static int CountWords(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var isSpace = char.IsWhiteSpace(c);
            if (!isSpace && !inWord)
            {
                count++;
            }

            inWord = !isSpace;
        }

        return count;
    }

    private static bool IsCjk(char c) => c is >= '\u3040' and <= '\u30FF' or >= '\u3400' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7AF';
}
