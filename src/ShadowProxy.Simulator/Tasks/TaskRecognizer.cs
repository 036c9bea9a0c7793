using System.Globalization;
using System.Text.RegularExpressions;

namespace ShadowProxy.Simulator.Tasks;

/// <summary>Recognizes the task families the simulator can answer with a checkable truth.</summary>
internal static partial class TaskRecognizer
{
    public static RecognizedTask Recognize(string prompt, bool wantsJson)
    {
        if (JudgePattern().Match(prompt) is { Success: true } judge)
        {
            // A perfect judge: the answers agree when they read the same.
            var same = string.Equals(judge.Groups[1].Value.Trim(), judge.Groups[2].Value.Trim(), StringComparison.OrdinalIgnoreCase);
            return new RecognizedTask(TaskKind.Judge, same ? "Yes" : "No", same ? "No" : "Yes");
        }

        if (wantsJson)
        {
            return new RecognizedTask(TaskKind.Json);
        }

        if (PrimePattern().Match(prompt) is { Success: true } prime && long.TryParse(prime.Groups[1].Value, CultureInfo.InvariantCulture, out var n))
        {
            var isPrime = NumberFacts.IsPrime(n);
            return new RecognizedTask(TaskKind.Prime, isPrime ? "Yes" : "No", isPrime ? "No" : "Yes");
        }

        if (HappyPattern().Match(prompt) is { Success: true } happy)
        {
            var count = NumberFacts.CountHappy(long.Parse(happy.Groups[1].Value, CultureInfo.InvariantCulture), long.Parse(happy.Groups[2].Value, CultureInfo.InvariantCulture));
            return new RecognizedTask(TaskKind.HappyCount, Format(count), Format(count + 1));
        }

        if (ArithmeticPattern().Match(prompt) is { Success: true } sum)
        {
            var value = NumberFacts.Evaluate(long.Parse(sum.Groups[1].Value, CultureInfo.InvariantCulture), sum.Groups[2].Value[0], long.Parse(sum.Groups[3].Value, CultureInfo.InvariantCulture));
            return new RecognizedTask(TaskKind.Arithmetic, Format(value), Format(value + 10));
        }

        if (LetterPattern().Match(prompt) is { Success: true } letter)
        {
            return new RecognizedTask(TaskKind.LetterWords, Letter: char.ToLowerInvariant(letter.Groups[1].Value[0]));
        }

        if (CodePattern().IsMatch(prompt))
        {
            return new RecognizedTask(TaskKind.Code);
        }

        return SensitivePattern().IsMatch(prompt) ? new RecognizedTask(TaskKind.Sensitive) : new RecognizedTask(TaskKind.Chat);
    }

    private static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"Answer A: (.*?)\nAnswer B: (.*?)\nReply with \[Yes\] or \[No\] only", RegexOptions.Singleline)]
    private static partial Regex JudgePattern();

    [GeneratedRegex(@"\bIs (\d{1,18}) a prime number\b", RegexOptions.IgnoreCase)]
    private static partial Regex PrimePattern();

    [GeneratedRegex(@"happy numbers.*?between (\d{1,12}) and (\d{1,12})", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex HappyPattern();

    [GeneratedRegex(@"\bWhat is (-?\d{1,9}) ([+\-*]) (-?\d{1,9})\b", RegexOptions.IgnoreCase)]
    private static partial Regex ArithmeticPattern();

    [GeneratedRegex(@"every word (?:starts|begins) with the letter ['""]?([A-Za-z])", RegexOptions.IgnoreCase)]
    private static partial Regex LetterPattern();

    [GeneratedRegex(@"\b(write|implement|complete)\b.*\b(python|function|code|class|program|solution)\b", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"\b(pick a lock|weapon|explosive|hack into|steal|poison|make money illegally|bypass security)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SensitivePattern();
}
