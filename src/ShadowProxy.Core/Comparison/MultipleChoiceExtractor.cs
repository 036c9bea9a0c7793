using System.Text.RegularExpressions;

namespace ShadowProxy.Core.Comparison;

/// <summary>The last option letter written as <c>(A)</c>, or <c>answer is B</c> / <c>Answer: B</c>.</summary>
internal sealed partial class MultipleChoiceExtractor : IAnswerExtractor
{
    public static MultipleChoiceExtractor Instance { get; } = new();

    public AnswerExtractorKind Kind => AnswerExtractorKind.MultipleChoice;

    public string? Extract(string text)
    {
        var match = OptionLetter().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var letter = match.Groups["paren"].Success ? match.Groups["paren"] : match.Groups["stated"];
        return AnswerText.Normalize(letter.ValueSpan);
    }

    [GeneratedRegex(
        @"\((?<paren>[A-J])\)|\banswer(?:\s+is)?\s*[:：]?\s*\**\(?(?<stated>[A-J])\b",
        RegexOptions.RightToLeft | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OptionLetter();
}
