namespace ShadowProxy.Core.Comparison;

/// <summary>
/// The whole response, normalized; JSON answers (fenced or not) are canonicalized so formatting and
/// key order do not count as a different answer.
/// </summary>
internal sealed class WholeTextExtractor : IAnswerExtractor
{
    public static WholeTextExtractor Instance { get; } = new();

    public AnswerExtractorKind Kind => AnswerExtractorKind.WholeText;

    public string? Extract(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.AsSpan().TrimStart();
        if (!trimmed.IsEmpty && trimmed[0] is '{' or '[' or '`' or '~')
        {
            using var document = JsonText.TryParseLenient(text);
            if (document is not null)
            {
                return JsonCanonicalizer.Canonicalize(document.RootElement);
            }
        }

        return AnswerText.Normalize(text);
    }
}
