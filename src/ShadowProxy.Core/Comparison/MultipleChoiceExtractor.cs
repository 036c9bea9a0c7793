using System.Text.RegularExpressions;

namespace ShadowProxy.Core.Comparison;

/// <summary>
/// The option a response chose, as its lower-case letter. In order: a stated answer ("The answer is B",
/// "Answer: (C)"), a letter opening the response ("(B). Somewhat optimistic", "**B**"), a concluding letter
/// ("Therefore C", "option D"), a closing "… is B.", the last bracketed letter, and — when the prompt's options are known — the one
/// option whose text the response restates. A response that picks none of the offered options has no answer:
/// "this question is subjective" is a change of behaviour, not a new option.
/// </summary>
internal sealed partial class MultipleChoiceExtractor(IReadOnlyList<ChoiceOption> options) : IAnswerExtractor
{
    /// <summary>For profiles that name the extractor without a prompt to read options from: letters only.</summary>
    public static MultipleChoiceExtractor Instance { get; } = new([]);

    public AnswerExtractorKind Kind => AnswerExtractorKind.MultipleChoice;

    public IReadOnlyList<ChoiceOption> Options { get; } = options;

    public string? Extract(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var pattern in LetterPatterns)
        {
            if (pattern.Match(text) is { Success: true } match && Offered(match.Groups["letter"].ValueSpan[0]) is { } letter)
            {
                return letter;
            }
        }

        return RestatedOption(text);
    }

    private const int MaxShortAnswerChars = 120;

    private static readonly Regex[] LetterPatterns = [Stated(), Leading(), Concluding(), Final(), Bracketed()];

    private string? Offered(char letter)
    {
        var lower = char.ToLowerInvariant(letter);
        return Options.Count == 0 || Options.Any(o => o.Letter == lower) ? lower.ToString() : null;
    }

    /// <summary>
    /// The one option whose text the response contains ("not at all worried" outranks the "worried" inside it);
    /// two different options mentioned is no choice.
    /// A long answer must restate an option of several words: "Some" inside a paragraph is not a choice.
    /// </summary>
    private string? RestatedOption(string text)
    {
        var normalized = AnswerText.Normalize(text);
        if (normalized is null)
        {
            return null;
        }

        var shortAnswer = normalized.Length <= MaxShortAnswerChars;

        var mentioned = Options
            .Where(o => o.Text.Length > 0 && (shortAnswer || WordTokens.CountWords(o.Text) >= 3) && WordSearch.LastIndexOfWord(normalized, o.Text) >= 0)
            .ToList();
        // An option mentioned only inside a longer mentioned option ("worried" in "not at all worried") is not a second choice.
        var distinct = mentioned.Where(o => !mentioned.Any(other => other != o && other.Text.Contains(o.Text, StringComparison.Ordinal))).ToList();
        return distinct.Count == 1 ? distinct[0].Letter.ToString() : null;
    }

    [GeneratedRegex(
        @"\b(?:answer|option|choice)(?:\s+(?:is|would\s+be|will\s+be))?\s*(?:[:：]|\bis\b)?\s*\**\s*(?:option\s+)?\(?(?-i:(?<letter>[A-J]))\b(?![''’]\w)",
        RegexOptions.RightToLeft | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Stated();

    [GeneratedRegex(
        @"\A[\s*_`""']*(?:\((?<letter>[A-Ja-j])\)|\[(?<letter>[A-Ja-j])\]|(?<letter>[A-J])(?:[.):]|(?=[\s*_`""']*\z))|(?<letter>[a-j])[.)]?(?=[\s*_`""']*\z))",
        RegexOptions.CultureInvariant)]
    private static partial Regex Leading();

    [GeneratedRegex(
        @"\b(?:therefore|thus|hence|so|choose|pick|select|go\s+with)\b[,:]?\s*(?:the\s+answer\s+is\s+|option\s+)?\**\(?(?-i:(?<letter>[A-J]))\b(?:[).:,]|\**\s*$|\s*\z)",
        RegexOptions.RightToLeft | RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Concluding();

    [GeneratedRegex(
        @"\b(?:is|be)\s+\**\(?(?<letter>[A-J])\)?\**\s*[.!]?\s*\z",
        RegexOptions.CultureInvariant)]
    private static partial Regex Final();

    [GeneratedRegex(
        @"\((?<letter>[A-J])\)|\*\*(?<letter>[A-J])\*\*",
        RegexOptions.RightToLeft | RegexOptions.CultureInvariant)]
    private static partial Regex Bracketed();
}
