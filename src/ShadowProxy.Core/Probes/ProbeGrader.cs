using ShadowProxy.Core.Comparison;
using ShadowProxy.Core.Normalization;

namespace ShadowProxy.Core.Probes;

/// <summary>Grades a response against a probe's known answer, with the same extractors pair comparison uses.</summary>
internal static class ProbeGrader
{
    private static readonly BracketLabelExtractor YesNo = new(["yes", "no"]);

    public static ProbeGrade Grade(ProbeTask task, NormalizedResponse response)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(response);
        if (WhyUnanswerable(response) is { } reason)
        {
            return ProbeGrade.Unanswered(reason);
        }

        var text = response.Text;
        return task.Suite switch
        {
            ProbeSuiteKind.Primality => Compare(task, YesNo.Extract(text), ProbeGradeReasons.NoLabel),
            ProbeSuiteKind.HappyNumbers => GradeBoxedCount(task, text),
            ProbeSuiteKind.Arithmetic => Compare(task, FinalNumber(text), ProbeGradeReasons.NoNumber),
            ProbeSuiteKind.JsonSchema => JsonProbeGrader.Grade(task, text),
            ProbeSuiteKind.LetterFidelity => LetterFidelityGrader.Grade(task, text),
            _ => throw new ArgumentOutOfRangeException(nameof(task), task.Suite, "Unknown probe suite."),
        };
    }

    /// <summary>
    /// A stream cut off before its end is Unparseable, so a half-written answer is never graded as if it were final.
    /// </summary>
    private static string? WhyUnanswerable(NormalizedResponse response)
    {
        if (response.Status != ResponseStatus.Ok)
        {
            return response.Status == ResponseStatus.ProviderError ? ProbeGradeReasons.ProviderError : ProbeGradeReasons.Unparseable;
        }

        if (response.FirstChoice is not { } choice)
        {
            return ProbeGradeReasons.NoChoices;
        }

        if (!string.IsNullOrWhiteSpace(choice.Text))
        {
            return null;
        }

        return choice.Refusal is null ? ProbeGradeReasons.EmptyAnswer : ProbeGradeReasons.Refused;
    }

    private static ProbeGrade GradeBoxedCount(ProbeTask task, string text)
    {
        if (BoxedAnswerExtractor.Instance.Extract(text) is not { } boxed)
        {
            return ProbeGrade.Unanswered(ProbeGradeReasons.NoBoxedAnswer);
        }

        // "\boxed{3 numbers}" still states the count; a box with no number is graded on its words and fails.
        return Compare(task, FinalNumberExtractor.Instance.Extract(boxed) ?? boxed, ProbeGradeReasons.NoBoxedAnswer);
    }

    /// <summary>The number on the "Answer:" line the prompt asked for, else the last number in the text.</summary>
    private static string? FinalNumber(string text) =>
        AnswerColonExtractor.Instance.Extract(text) is { } answerLine
            ? FinalNumberExtractor.Instance.Extract(answerLine) ?? answerLine
            : FinalNumberExtractor.Instance.Extract(text);

    private static ProbeGrade Compare(ProbeTask task, string? extracted, string reasonWhenMissing)
    {
        if (extracted is null)
        {
            return ProbeGrade.Unanswered(reasonWhenMissing);
        }

        return string.Equals(extracted, task.ExpectedAnswer, StringComparison.OrdinalIgnoreCase)
            ? ProbeGrade.Right(extracted)
            : ProbeGrade.Wrong(extracted, ProbeGradeReasons.WrongAnswer);
    }
}
