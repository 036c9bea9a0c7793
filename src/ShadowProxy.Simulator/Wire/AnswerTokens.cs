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

    /// <summary>Text cut into at most <paramref name="count"/> nearly equal fragments (a tool call's streamed arguments).</summary>
    public static List<string> Fragments(string text, int count)
    {
        var size = Math.Max(1, (text.Length + count - 1) / count);
        return [.. Enumerable.Range(0, (text.Length + size - 1) / size).Select(i => text.Substring(i * size, Math.Min(size, text.Length - (i * size))))];
    }

    public static int EstimatePromptTokens(string prompt) => Math.Max(1, prompt.Length / 4);

    [GeneratedRegex(@"\s*\S+|\s+$")]
    private static partial Regex Piece();
}
