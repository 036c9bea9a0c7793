using ShadowProxy.Core.Comparison;

namespace ShadowProxy.Core.Probes;

/// <summary>Every word, read as its letters only, must start with the asked-for letter; at least three words.</summary>
internal static class LetterFidelityGrader
{
    private const int MinWords = 3;

    public static ProbeGrade Grade(ProbeTask task, string text)
    {
        var letter = task.ExpectedAnswer[0];
        var words = LetterWords(text);
        if (words.Count == 0)
        {
            return ProbeGrade.Unanswered(ProbeGradeReasons.NoWords);
        }

        var extracted = AnswerText.Normalize(text) ?? string.Empty;
        if (words.Count < MinWords)
        {
            return ProbeGrade.Wrong(extracted, ProbeGradeReasons.TooFewWords);
        }

        return words.TrueForAll(word => char.ToLowerInvariant(word[0]) == letter)
            ? ProbeGrade.Right(extracted)
            : ProbeGrade.Wrong(extracted, ProbeGradeReasons.WrongLetter);
    }

    /// <summary>Whitespace-separated tokens with everything but letters removed; tokens with no letters are skipped.</summary>
    private static List<string> LetterWords(string text)
    {
        var words = new List<string>();
        foreach (var token in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var letters = new string([.. token.Where(char.IsLetter)]);
            if (letters.Length > 0)
            {
                words.Add(letters);
            }
        }

        return words;
    }
}
