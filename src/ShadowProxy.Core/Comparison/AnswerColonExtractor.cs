using System.Text.RegularExpressions;

namespace ShadowProxy.Core.Comparison;

/// <summary>The rest of the last line that starts with <c>Answer:</c> or <c>Final answer:</c>.</summary>
internal sealed partial class AnswerColonExtractor : IAnswerExtractor
{
    public static AnswerColonExtractor Instance { get; } = new();

    public AnswerExtractorKind Kind => AnswerExtractorKind.AnswerColon;

    public string? Extract(string text)
    {
        var match = AnswerLine().Match(text);
        return match.Success ? AnswerText.Normalize(AnswerText.StripDecoration(match.Groups[1].ValueSpan)) : null;
    }

    [GeneratedRegex(
        @"^[\s*#_>-]*(?:final\s+)?answer\s*\**\s*[:：]\s*\**(.+?)\s*$",
        RegexOptions.RightToLeft | RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex AnswerLine();
}
