using System.Text.RegularExpressions;

namespace ShadowProxy.Core.Comparison;

/// <summary>Reads from a prompt how it asks to be answered.</summary>
internal static partial class PromptAnswerFormat
{
    /// <summary>
    /// Labels offered as a bracketed list, e.g. <c>answer "[Yes]" or "[No]"</c> → yes, no. Labels must start with
    /// a letter, so array literals like <c>[3,4], [1,2]</c> in a task statement are not mistaken for labels.
    /// </summary>
    public static IReadOnlyList<string> LabelSet(string prompt)
    {
        var list = LabelList().Match(prompt);
        if (!list.Success)
        {
            return [];
        }

        var labels = new List<string>();
        foreach (Match label in Label().Matches(list.Value))
        {
            if (AnswerText.Normalize(label.Groups[1].ValueSpan) is { } normalized && !labels.Contains(normalized))
            {
                labels.Add(normalized);
            }
        }

        return labels;
    }

    public static bool MentionsBoxed(string text) => text.Contains("\\boxed", StringComparison.Ordinal);

    /// <summary>
    /// A closed set of one-word labels the prompt names in words: "classify the sentiment as positive, negative or
    /// neutral", "answer yes or no", "one of: billing, technical, account".
    /// </summary>
    public static IReadOnlyList<string> NamedLabels(string prompt)
    {
        var match = NamedLabelChoice().Match(prompt);
        if (!match.Success)
        {
            match = NamedLabelColonList().Match(prompt);
        }

        if (!match.Success)
        {
            return [];
        }

        var labels = new List<string>();
        foreach (Capture label in match.Groups["label"].Captures)
        {
            if (AnswerText.Normalize(label.ValueSpan) is { } normalized && !labels.Contains(normalized) && !NotALabel.Contains(normalized))
            {
                labels.Add(normalized);
            }
        }

        return labels.Count >= 2 ? labels : [];
    }

    private static readonly HashSet<string> NotALabel = new(StringComparer.Ordinal) { "the", "a", "an", "it", "this", "that", "not", "more", "less" };

    public static bool AsksAnswerColon(string prompt) => AnswerColon().IsMatch(prompt);

    public static bool LooksNumeric(string prompt) => NumericQuestion().IsMatch(prompt);

    /// <summary>The last non-blank line has a digit: the answer ends on a number rather than on code or prose.</summary>
    public static bool EndsWithNumber(string text)
    {
        var trimmed = text.AsSpan().TrimEnd();
        var lastLine = trimmed[(trimmed.LastIndexOf('\n') + 1)..];
        return lastLine.IndexOfAnyInRange('0', '9') >= 0;
    }

    [GeneratedRegex(
        @"(?:\[\s*\p{L}[\p{L}\p{N} _'-]{0,29}\][""'”]?\s*(?:,|/|\bor\b|\band\b)\s*(?:\bor\b\s*)?[""'“]?)+\[\s*\p{L}[\p{L}\p{N} _'-]{0,29}\]",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LabelList();

    [GeneratedRegex(@"\[([^\[\]\r\n]{1,30})\]", RegexOptions.CultureInvariant)]
    private static partial Regex Label();

    private const string Instruction = @"\b(?:classify|categori[sz]e|label|tag|answer|respond|reply|choose|pick|select|output|return|say|rate)\b[^.\n?!]{0,60}?";
    private const string OneWord = @"[""'“‘*]*(?<label>\p{L}[\p{L}_-]{0,19})[""'”’*]*";

    [GeneratedRegex(
        Instruction + @"(?:\b(?:as|one\s+of|either|with|from|between|is)\b\s*:?\s*|:\s*|\s)" + OneWord + @"(?:\s*,\s*" + OneWord + @")*\s*,?\s+or\s+" + OneWord + @"(?=\s*(?:[.,;:!?)\n]|$))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NamedLabelChoice();

    [GeneratedRegex(
        Instruction + @":\s*" + OneWord + @"(?:\s*,\s*" + OneWord + @"){2,}\s*(?=[.\n]|$)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NamedLabelColonList();

    [GeneratedRegex(@"\b(?:final\s+)?answer\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AnswerColon();

    [GeneratedRegex(
        @"\b(?:how\s+many|how\s+much|calculate|compute|what\s+is\s+-?\d|solve\s+for|(?:in\s+)?what\s+year|average|percent(?:age)?|what\s+is\s+the\s+(?:sum|total|product|area|speed|value|result))\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumericQuestion();
}
