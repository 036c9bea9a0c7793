namespace ShadowProxy.Core.Comparison;

/// <summary>The content of the last <c>\boxed{...}</c>, with nested braces balanced.</summary>
internal sealed class BoxedAnswerExtractor : IAnswerExtractor
{
    private const string Marker = "\\boxed{";

    public static BoxedAnswerExtractor Instance { get; } = new();

    public AnswerExtractorKind Kind => AnswerExtractorKind.Boxed;

    public string? Extract(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = text.LastIndexOf(Marker, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var contentStart = start + Marker.Length;
        var depth = 1;
        for (var i = contentStart; i < text.Length; i++)
        {
            depth += text[i] switch { '{' => 1, '}' => -1, _ => 0 };
            if (depth == 0)
            {
                return AnswerText.Normalize(text.AsSpan(contentStart, i - contentStart).Trim());
            }
        }

        return null;
    }
}
