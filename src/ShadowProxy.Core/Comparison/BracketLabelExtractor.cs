using System.Text.RegularExpressions;

namespace ShadowProxy.Core.Comparison;

/// <summary>
/// Answers like <c>[Yes]</c>/<c>[No]</c>. When the prompt offered a label set, the answer is the label the
/// response mentions last, bracketed or bare (whole words, case-insensitive): models state a verdict and then
/// often restate or revise it, and the final mention is the verdict they ended on. Without a label set the
/// answer is the last short bracketed label that is not a markdown link.
/// </summary>
internal sealed partial class BracketLabelExtractor(IReadOnlyList<string> labels) : IAnswerExtractor
{
    public AnswerExtractorKind Kind => AnswerExtractorKind.BracketLabel;

    public IReadOnlyList<string> Labels { get; } = labels;

    public string? Extract(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Labels.Count > 0 ? LastMentionedLabel(text) : LastBracketedLabel(text);
    }

    private string? LastMentionedLabel(string text)
    {
        string? best = null;
        var bestPosition = -1;
        foreach (var label in Labels)
        {
            var position = WordSearch.LastIndexOfWord(text, label);
            if (position > bestPosition)
            {
                bestPosition = position;
                best = label;
            }
        }

        return best is null ? null : AnswerText.Normalize(best);
    }

    private static string? LastBracketedLabel(string text)
    {
        foreach (Match match in BracketedLabel().Matches(text))
        {
            return AnswerText.Normalize(AnswerText.StripDecoration(match.Groups[1].ValueSpan));
        }

        return null;
    }

    [GeneratedRegex(@"\[([^\[\]\r\n]{1,40})\](?!\()", RegexOptions.RightToLeft | RegexOptions.CultureInvariant)]
    private static partial Regex BracketedLabel();
}
