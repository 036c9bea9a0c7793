using System.Text;

namespace ShadowProxy.Core.Comparison;

/// <summary>The one normalization every extracted answer and reference goes through, so they compare alike.</summary>
internal static class AnswerText
{
    private const string TrailingPunctuation = ".,;:!?。！？、，；：";

    /// <summary>Lowercase, collapse whitespace, strip trailing punctuation; null when nothing is left.</summary>
    public static string? Normalize(ReadOnlySpan<char> text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        var end = builder.Length;
        while (end > 0 && TrailingPunctuation.Contains(builder[end - 1], StringComparison.Ordinal))
        {
            end--;
        }

        while (end > 0 && builder[end - 1] == ' ')
        {
            end--;
        }

        return end == 0 ? null : builder.ToString(0, end);
    }

    /// <summary>Drops markdown emphasis and wrapping quotes that models add around short answers.</summary>
    public static ReadOnlySpan<char> StripDecoration(ReadOnlySpan<char> text) => text.Trim().Trim("*_`\"'“”‘’").Trim();
}
