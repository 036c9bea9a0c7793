using ShadowProxy.Core.Probes;
using static ShadowProxy.Core.Tests.Probes.ProbeResponses;

namespace ShadowProxy.Core.Tests.Probes;

public sealed class LetterFidelityGraderTests
{
    private static readonly ProbeTask LetterS = Task(ProbeSuiteKind.LetterFidelity, "s");

    [Theory]
    [InlineData("Seven sleepy snakes sang softly.")]
    [InlineData("SEVEN SLEEPY SNAKES SANG")]
    [InlineData("Sally's sister—sweetly singing—sells \"seashells\"!")]
    [InlineData("Seven, 7 sleepy snakes; sang - softly.")]
    public void Grade_EveryWordStartsWithTheLetter_Correct(string text) =>
        Assert.True(ProbeGrader.Grade(LetterS, Ok(text)).Correct);

    [Fact]
    public void Grade_OneWordBreaksTheRule_Wrong() =>
        Assert.Equal(
            (false, true, ProbeGradeReasons.WrongLetter),
            Summary(ProbeGrader.Grade(LetterS, Ok("Seven sleepy cats sang softly."))));

    [Fact]
    public void Grade_TwoWords_TooFew() =>
        Assert.Equal((false, true, ProbeGradeReasons.TooFewWords), Summary(ProbeGrader.Grade(LetterS, Ok("Sunny skies."))));

    [Fact]
    public void Grade_NoLetters_Unanswered() =>
        Assert.Equal(ProbeGrade.Unanswered(ProbeGradeReasons.NoWords), ProbeGrader.Grade(LetterS, Ok("123 456 ... !!")));

    private static (bool Correct, bool Answered, string? Reason) Summary(ProbeGrade grade) => (grade.Correct, grade.Answered, grade.Reason);
}
