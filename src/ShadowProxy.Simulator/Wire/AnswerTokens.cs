using System.Text.RegularExpressions;

namespace ShadowProxy.Simulator.Wire;

/// <summary>Splits an answer into token-like pieces (a word with its leading white space), as streams deliver them.</summary>
internal static partial class AnswerTokens
{
    public static List<string> Split(string text, int? maxTokens, out bool truncated)
    {
        var pieces = Piece().Matches(text).Select(m => m.Value).ToList();
        truncated = maxTokens is > 0 && pieces.Count > maxTokens;
        if (truncated)
        {
            pieces.RemoveRange(maxTokens!.Value, pieces.Count - maxTokens.Value);
        }

        return pieces;
    }

    public static int EstimatePromptTokens(string prompt) => Math.Max(1, prompt.Length / 4);

    [GeneratedRegex(@"\s*\S+|\s+$")]
    private static partial Regex Piece();
}
