using System.Globalization;
using System.Text.Json;

namespace ShadowProxy.Core.Comparison;

/// <summary>
/// The value at a simple path (<c>$.a.b[0].c</c>) of a JSON answer; strings as themselves, anything else
/// canonicalized. Fenced JSON is unwrapped first: the answer matters here, not the wrapping.
/// </summary>
internal sealed class JsonPathExtractor(string path) : IAnswerExtractor
{
    private readonly string[] _segments = path.TrimStart('$').Replace("[", ".[", StringComparison.Ordinal)
        .Split('.', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public AnswerExtractorKind Kind => AnswerExtractorKind.JsonPath;

    public string? Extract(string text)
    {
        using var document = JsonText.TryParseLenient(text);
        if (document is null)
        {
            return null;
        }

        var current = document.RootElement;
        foreach (var segment in _segments)
        {
            if (!TryStep(current, segment, out current))
            {
                return null;
            }
        }

        return current.ValueKind switch
        {
            JsonValueKind.String => AnswerText.Normalize(current.GetString()),
            JsonValueKind.Null => null,
            _ => JsonCanonicalizer.Canonicalize(current),
        };
    }

    private static bool TryStep(JsonElement current, string segment, out JsonElement next)
    {
        next = default;
        if (segment.StartsWith('['))
        {
            return current.ValueKind == JsonValueKind.Array
                && int.TryParse(segment.AsSpan().Trim("[]"), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                && index < current.GetArrayLength()
                && (next = current[index]).ValueKind != JsonValueKind.Undefined;
        }

        return current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out next);
    }
}
