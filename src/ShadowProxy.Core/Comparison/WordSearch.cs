namespace ShadowProxy.Core.Comparison;

internal static class WordSearch
{
    /// <summary>Last case-insensitive occurrence of <paramref name="word"/> not glued to other letters or digits; -1 if none.</summary>
    public static int LastIndexOfWord(ReadOnlySpan<char> text, ReadOnlySpan<char> word)
    {
        if (word.IsEmpty)
        {
            return -1;
        }

        var end = text.Length;
        while (end > 0)
        {
            var position = text[..end].LastIndexOf(word, StringComparison.OrdinalIgnoreCase);
            if (position < 0)
            {
                return -1;
            }

            var after = position + word.Length;
            var boundaryBefore = position == 0 || !char.IsLetterOrDigit(text[position - 1]) || !char.IsLetterOrDigit(word[0]);
            var boundaryAfter = after == text.Length || !char.IsLetterOrDigit(text[after]) || !char.IsLetterOrDigit(word[^1]);
            if (boundaryBefore && boundaryAfter)
            {
                return position;
            }

            end = position + word.Length - 1;
        }

        return -1;
    }
}
