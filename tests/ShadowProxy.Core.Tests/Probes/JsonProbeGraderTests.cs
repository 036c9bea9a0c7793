using ShadowProxy.Core.Probes;
using static ShadowProxy.Core.Tests.Probes.ProbeResponses;

namespace ShadowProxy.Core.Tests.Probes;

public sealed class JsonProbeGraderTests
{
    private const string Expected = """{"name":"Maria Lopez","age":34}""";
    private const string Canonical = """{"age":34,"name":"Maria Lopez"}""";

    private static readonly ProbeTask MariaTask = Task(ProbeSuiteKind.JsonSchema, Expected, JsonExtractionProbes.Schema);

    [Theory]
    [InlineData("""{"name":"Maria Lopez","age":34}""")]
    [InlineData("""  {"age": 34, "name": "Maria Lopez"}  """)]
    public void Grade_BareJsonWithExpectedValues_Correct(string text) =>
        Assert.Equal(ProbeGrade.Right(Canonical), ProbeGrader.Grade(MariaTask, Ok(text)));

    [Theory]
    [InlineData("```json\n{\"name\":\"Maria Lopez\",\"age\":34}\n```")]
    [InlineData("Sure! Here is the JSON you asked for:\n```json\n{\"name\":\"Maria Lopez\",\"age\":34}\n```")]
    [InlineData("The person is {\"name\":\"Maria Lopez\",\"age\":34}.")]
    public void Grade_JsonNotBare_AnsweredButWrong(string text) =>
        Assert.Equal(ProbeGrade.Wrong(Canonical, ProbeGradeReasons.NotBareJson), ProbeGrader.Grade(MariaTask, Ok(text)));

    [Theory]
    [InlineData("""{"name":"Maria Lopez","age":"34"}""")]
    [InlineData("""{"name":"Maria Lopez"}""")]
    [InlineData("""{"name":"Maria Lopez","age":34,"city":"Lima"}""")]
    [InlineData("""[{"name":"Maria Lopez","age":34}]""")]
    public void Grade_BareJsonBreakingTheSchema_Wrong(string text)
    {
        var grade = ProbeGrader.Grade(MariaTask, Ok(text));

        Assert.Equal((false, true, ProbeGradeReasons.SchemaViolation), (grade.Correct, grade.Answered, grade.Reason));
    }

    [Theory]
    [InlineData("""{"name":"Maria Lopez","age":35}""")]
    [InlineData("""{"name":"maria lopez","age":34}""")]
    [InlineData("""{"name":"name-512","age":34}""")]
    public void Grade_ValidJsonWithOtherValues_Wrong(string text)
    {
        var grade = ProbeGrader.Grade(MariaTask, Ok(text));

        Assert.Equal((false, true, ProbeGradeReasons.WrongValues), (grade.Correct, grade.Answered, grade.Reason));
    }

    [Theory]
    [InlineData("Name: Maria Lopez, age: 34")]
    [InlineData("{\"name\": \"Maria Lopez\", \"age\": 34")]
    public void Grade_NoJsonAtAll_Unanswered(string text) =>
        Assert.Equal(ProbeGrade.Unanswered(ProbeGradeReasons.NotJson), ProbeGrader.Grade(MariaTask, Ok(text)));

    [Fact]
    public void Grade_GeneratedTaskAnsweredWithItsExpectation_Correct()
    {
        var random = new Random(13);
        for (var i = 0; i < 50; i++)
        {
            var task = ProbeGenerator.Generate(ProbeSuiteKind.JsonSchema, random);
            Assert.True(ProbeGrader.Grade(task, Ok(task.ExpectedAnswer)).Correct, task.Prompt);
        }
    }
}
