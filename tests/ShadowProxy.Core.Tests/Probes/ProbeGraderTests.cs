using ShadowProxy.Core.Normalization;
using ShadowProxy.Core.Probes;
using static ShadowProxy.Core.Tests.Probes.ProbeResponses;

namespace ShadowProxy.Core.Tests.Probes;

public sealed class ProbeGraderTests
{
    [Theory]
    [InlineData("Let us reason about this.\nSo the answer is [Yes]", true, "yes")]
    [InlineData("[YES]", true, "yes")]
    [InlineData("[No]\nWait, 7919 has no divisor up to 88, so [Yes].", true, "yes")]
    [InlineData("It is divisible by 7, so [No].", false, "no")]
    public void Primality_Label_GradedAgainstTruth(string text, bool correct, string extracted)
    {
        var grade = ProbeGrader.Grade(Task(ProbeSuiteKind.Primality, "yes"), Ok(text));

        Assert.Equal(new ProbeGrade(correct, Answered: true, extracted, correct ? null : ProbeGradeReasons.WrongAnswer), grade);
    }

    [Fact]
    public void Primality_NoLabel_Unanswered() =>
        Assert.Equal(
            ProbeGrade.Unanswered(ProbeGradeReasons.NoLabel),
            ProbeGrader.Grade(Task(ProbeSuiteKind.Primality, "no"), Ok("That cannot be determined without a calculator.")));

    [Theory]
    [InlineData(@"Checking each number... \boxed{2}", true, "2")]
    [InlineData(@"\boxed{ 2 numbers }", true, "2")]
    [InlineData(@"\boxed{3}", false, "3")]
    [InlineData(@"\boxed{two}", false, "two")]
    public void HappyNumbers_BoxedCount_GradedAgainstTruth(string text, bool correct, string extracted)
    {
        var grade = ProbeGrader.Grade(Task(ProbeSuiteKind.HappyNumbers, "2"), Ok(text));

        Assert.Equal((correct, true, extracted), (grade.Correct, grade.Answered, grade.Extracted));
    }

    [Fact]
    public void HappyNumbers_CountWithoutBox_Unanswered() =>
        Assert.Equal(
            ProbeGrade.Unanswered(ProbeGradeReasons.NoBoxedAnswer),
            ProbeGrader.Grade(Task(ProbeSuiteKind.HappyNumbers, "2"), Ok("There are 2 happy numbers in that range.")));

    [Theory]
    [InlineData("Answer: -333", true, "-333")]
    [InlineData("12 - 345 = -333", true, "-333")]
    [InlineData("Answer: -333\nCheck: 345 - 12 = 333", true, "-333")]
    [InlineData("**Answer:** -323", false, "-323")]
    public void Arithmetic_FinalNumber_GradedAgainstTruth(string text, bool correct, string extracted)
    {
        var grade = ProbeGrader.Grade(Task(ProbeSuiteKind.Arithmetic, "-333"), Ok(text));

        Assert.Equal((correct, true, extracted), (grade.Correct, grade.Answered, grade.Extracted));
    }

    [Fact]
    public void Arithmetic_ThousandsSeparator_SameNumber() =>
        Assert.True(ProbeGrader.Grade(Task(ProbeSuiteKind.Arithmetic, "98901"), Ok("Answer: 98,901")).Correct);

    [Fact]
    public void Arithmetic_NoNumber_Unanswered() =>
        Assert.Equal(
            ProbeGrade.Unanswered(ProbeGradeReasons.NoNumber),
            ProbeGrader.Grade(Task(ProbeSuiteKind.Arithmetic, "42"), Ok("I would use a calculator for that.")));

    [Theory]
    [InlineData("primality")]
    [InlineData("happy_numbers")]
    [InlineData("arithmetic")]
    [InlineData("json_schema")]
    [InlineData("letter_fidelity")]
    public void EverySuite_FailedResponses_UnansweredWithReason(string suiteName)
    {
        Assert.True(ProbeSuites.TryParse(suiteName, out var suite));
        var task = ProbeGenerator.Generate(suite, new Random(11));
        var failures = new (NormalizedResponse Response, string Reason)[]
        {
            (new NormalizedResponse { Status = ResponseStatus.ProviderError, Error = new ProviderErrorDetail { Code = "429" } }, ProbeGradeReasons.ProviderError),
            (NormalizedResponse.Unparseable(NormalizedResponse.StreamCutOffReason), ProbeGradeReasons.Unparseable),
            (new NormalizedResponse { Status = ResponseStatus.Ok }, ProbeGradeReasons.NoChoices),
            (Ok("  \n"), ProbeGradeReasons.EmptyAnswer),
            (new NormalizedResponse { Status = ResponseStatus.Ok, Choices = [new NormalizedChoice { Refusal = "I can't help with that." }] }, ProbeGradeReasons.Refused),
        };

        foreach (var (response, reason) in failures)
        {
            Assert.Equal(ProbeGrade.Unanswered(reason), ProbeGrader.Grade(task, response));
        }
    }

    [Theory]
    [InlineData("primality")]
    [InlineData("happy_numbers")]
    [InlineData("arithmetic")]
    [InlineData("json_schema")]
    [InlineData("letter_fidelity")]
    public void EverySuite_Garbage_NeverCorrect(string suiteName)
    {
        Assert.True(ProbeSuites.TryParse(suiteName, out var suite));
        var task = ProbeGenerator.Generate(suite, new Random(12));

        foreach (var garbage in new[] { "\u0000\u0001\u0002", "}{][", "lorem ipsum dolor sit amet", "{\"name\": \"Maria", "\\boxed{" })
        {
            var grade = ProbeGrader.Grade(task, Ok(garbage));
            Assert.False(grade.Correct);
            Assert.NotNull(grade.Reason);
        }
    }
}
