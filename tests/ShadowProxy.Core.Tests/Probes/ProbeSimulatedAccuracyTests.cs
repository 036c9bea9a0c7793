using ShadowProxy.Core.Normalization;
using ShadowProxy.Core.Probes;
using ShadowProxy.Simulator.Profiles;
using ShadowProxy.Simulator.Tasks;
using ShadowProxy.Simulator.Wire;

namespace ShadowProxy.Core.Tests.Probes;

/// <summary>
/// Probes answered by the simulator's composer for the March and June profiles, graded end to end. Only what the
/// profiles encode is asserted: June's lower task accuracy, and — since both profiles share one JSON compliance
/// rate — fenced JSON at that rate for both, not more for June.
/// </summary>
public sealed class ProbeSimulatedAccuracyTests
{
    private const int Probes = 400;
    private const int Seed = 2023;

    // Three standard deviations of a 400-sample proportion near 0.5, plus the 1-in-23 letter 'a' whose
    // simulated "wrong" sentence (words starting with a) is in fact right.
    private const double Tolerance = 0.1;

    [Theory]
    [InlineData("primality")]
    [InlineData("happy_numbers")]
    [InlineData("arithmetic")]
    [InlineData("letter_fidelity")]
    public void CheckableSuites_MarchClearlyBeatsJune(string suiteName)
    {
        Assert.True(ProbeSuites.TryParse(suiteName, out var suite));

        var march = Run(suite, BuiltInProfiles.March);
        var june = Run(suite, BuiltInProfiles.June);
        Report(suiteName, march, june);

        Assert.All(march.Concat(june), grade => Assert.True(grade.Answered, grade.Reason));
        Assert.InRange(Accuracy(march), BuiltInProfiles.March.TaskAccuracy - Tolerance, BuiltInProfiles.March.TaskAccuracy + Tolerance);
        Assert.InRange(Accuracy(june), BuiltInProfiles.June.TaskAccuracy - Tolerance, BuiltInProfiles.June.TaskAccuracy + Tolerance);
        Assert.True(Accuracy(march) - Accuracy(june) >= 0.2, $"march {Accuracy(march):P1} vs june {Accuracy(june):P1}");
    }

    [Fact]
    public void JsonSchema_FencesAtEachProfilesComplianceRate()
    {
        var march = Run(ProbeSuiteKind.JsonSchema, BuiltInProfiles.March);
        var june = Run(ProbeSuiteKind.JsonSchema, BuiltInProfiles.June);
        Report("json_schema", march, june);

        foreach (var (grades, profile) in new[] { (march, BuiltInProfiles.March), (june, BuiltInProfiles.June) })
        {
            var fenced = Rate(grades, g => g.Reason == ProbeGradeReasons.NotBareJson);
            Assert.InRange(fenced, 1 - profile.JsonComplianceRate - 0.03, 1 - profile.JsonComplianceRate + 0.03);

            // The simulator extracts the stated name and age, so every bare answer is right; fences are the only failure.
            Assert.All(grades, g => Assert.True(g.Correct || g.Reason == ProbeGradeReasons.NotBareJson, g.Reason));
            Assert.InRange(Rate(grades, g => g.Correct), profile.JsonComplianceRate - 0.03, profile.JsonComplianceRate + 0.03);
        }
    }

    private static List<ProbeGrade> Run(ProbeSuiteKind suite, SimulatorProfile profile)
    {
        var probes = new Random(Seed);
        var grades = new List<ProbeGrade>(Probes);
        for (var i = 0; i < Probes; i++)
        {
            var task = ProbeGenerator.Generate(suite, probes);
            var request = SimRequest.TryParse(task.RequestBody(profile.Model))!;
            var recognized = TaskRecognizer.Recognize(request.Prompt, request.WantsJson);
            var sampling = SeededRandom.For(Seed, SeededRandom.Hash(request.Prompt), i);
            var answer = AnswerComposer.Compose(recognized, profile, sampling, request.JsonSchema, request.Prompt);
            var response = new NormalizedResponse
            {
                Status = ResponseStatus.Ok,
                Model = profile.Model,
                Choices = [new NormalizedChoice { Index = 0, Text = answer.Text, FinishReason = answer.FinishReason }],
            };
            grades.Add(ProbeGrader.Grade(task, response));
        }

        return grades;
    }

    private static double Accuracy(List<ProbeGrade> grades) => Rate(grades, g => g.Correct);

    private static double Rate(List<ProbeGrade> grades, Func<ProbeGrade, bool> predicate) => grades.Count(predicate) / (double)grades.Count;

    private static void Report(string suite, List<ProbeGrade> march, List<ProbeGrade> june) =>
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{suite}: march correct {Accuracy(march):P1} answered {Rate(march, g => g.Answered):P1} not-bare {Rate(march, g => g.Reason == ProbeGradeReasons.NotBareJson):P1}; "
            + $"june correct {Accuracy(june):P1} answered {Rate(june, g => g.Answered):P1} not-bare {Rate(june, g => g.Reason == ProbeGradeReasons.NotBareJson):P1}");
}
