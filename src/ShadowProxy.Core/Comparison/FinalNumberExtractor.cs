using System.Globalization;
using System.Text.RegularExpressions;

namespace ShadowProxy.Core.Comparison;

/// <summary>The last number in the text, thousands separators dropped and trailing decimal zeros removed.</summary>
internal sealed partial class FinalNumberExtractor : IAnswerExtractor
{
    public static FinalNumberExtractor Instance { get; } = new();

    public AnswerExtractorKind Kind => AnswerExtractorKind.FinalNumber;

    public string? Extract(string text)
    {
        var match = Number().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var digits = match.Value.Replace(",", string.Empty, StringComparison.Ordinal);
        return decimal.TryParse(digits, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
            ? value.ToString("G29", CultureInfo.InvariantCulture)
            : digits;
    }

    [GeneratedRegex(@"-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?", RegexOptions.RightToLeft | RegexOptions.CultureInvariant)]
    private static partial Regex Number();
}
