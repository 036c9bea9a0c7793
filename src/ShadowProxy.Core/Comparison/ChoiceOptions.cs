using System.Text.RegularExpressions;

namespace ShadowProxy.Core.Comparison;

/// <summary>
/// Reads the lettered options a prompt offers: one per line as <c>(A). text</c>, <c>(A) text</c>, <c>A. text</c>,
/// <c>A) text</c>, <c>[A] text</c> or <c>Option A: text</c>, or inline as <c>(A) red (B) blue</c>. Options count
/// only as a run from A (or a) in order, at least two long, so a stray "A." in prose is not a choice list.
/// </summary>
internal static partial class ChoiceOptions
{
    private const int MaxOptionChars = 300;

    public static IReadOnlyList<ChoiceOption> Parse(string prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var lines = Run(LineOption().Matches(prompt));
        return lines.Count >= 2 ? lines : Run(InlineOption().Matches(prompt));
    }

    /// <summary>The longest run of consecutive letters starting at A; later runs (a second question) win ties.</summary>
    private static List<ChoiceOption> Run(MatchCollection matches)
    {
        var best = new List<ChoiceOption>();
        var current = new List<ChoiceOption>();
        foreach (Match match in matches)
        {
            var letter = char.ToLowerInvariant(match.Groups["letter"].Value[0]);
            var text = AnswerText.Normalize(AnswerText.StripDecoration(match.Groups["text"].ValueSpan)) ?? string.Empty;
            if (letter == 'a')
            {
                current = [];
            }
            else if (current.Count == 0 || current[^1].Letter + 1 != letter)
            {
                continue;
            }

            current.Add(new ChoiceOption(letter, text.Length > MaxOptionChars ? text[..MaxOptionChars] : text));
            if (current.Count >= 2 && current.Count >= best.Count)
            {
                best = current;
            }
        }

        return best;
    }

    [GeneratedRegex(
        @"^[ \t]*(?:[-*][ \t]+)?(?:\((?<letter>[A-Ja-j])\)\.?|\[(?<letter>[A-Ja-j])\]|(?<letter>[A-J])[.):]|(?<letter>[a-j])[.)]|Option[ \t]+(?<letter>[A-J])[ \t]*[:.)-]?)[ \t]+(?<text>\S[^\r\n]*)$",
        RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex LineOption();

    [GeneratedRegex(
        @"(?:\((?<letter>[A-Ja-j])\)|(?<=^|\s)(?<letter>[A-J])[.)])\s*(?<text>[^\r\n]+?)\s*(?=\s(?:\([A-Ja-j]\)|[A-J][.)])\s|[?.;]?\s*$)",
        RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex InlineOption();
}
