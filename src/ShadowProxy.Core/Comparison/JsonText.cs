using System.Text.Json;

namespace ShadowProxy.Core.Comparison;

/// <summary>Strict and lenient JSON reading of answer text.</summary>
internal static class JsonText
{
    private static readonly JsonDocumentOptions Strict = new() { MaxDepth = 64 };

    /// <summary>Parses the whole trimmed text as one JSON object or array; fenced JSON is not valid here.</summary>
    public static JsonDocument? TryParseStrict(string text)
    {
        var trimmed = text.AsSpan().Trim();
        if (trimmed.IsEmpty || trimmed[0] is not ('{' or '['))
        {
            return null;
        }

        try
        {
            return JsonDocument.Parse(trimmed.ToString(), Strict);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Like <see cref="TryParseStrict"/> but first unwraps a single code fence, for answer extraction.</summary>
    public static JsonDocument? TryParseLenient(string text) => TryParseStrict(Unfence(text));

    public static bool LooksLikeJson(string text)
    {
        using var document = TryParseStrict(text);
        return document is not null;
    }

    /// <summary>The body of the first fenced block when the text is essentially one fenced block.</summary>
    public static string Unfence(string text)
    {
        var trimmed = text.AsSpan().Trim();
        if (!trimmed.StartsWith("```") && !trimmed.StartsWith("~~~"))
        {
            return text;
        }

        var firstLineEnd = trimmed.IndexOf('\n');
        var closing = trimmed.LastIndexOf(trimmed[..3]);
        return firstLineEnd > 0 && closing > firstLineEnd
            ? trimmed[(firstLineEnd + 1)..closing].ToString()
            : text;
    }
}
