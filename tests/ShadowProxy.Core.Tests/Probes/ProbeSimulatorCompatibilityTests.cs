using System.Text.Json;
using System.Text.Json.Nodes;
using ShadowProxy.Core.Comparison;
using ShadowProxy.Core.Normalization;
using ShadowProxy.Core.Probes;
using ShadowProxy.Simulator.Tasks;
using ShadowProxy.Simulator.Wire;

namespace ShadowProxy.Core.Tests.Probes;

/// <summary>
/// Probe request bodies read by the simulator exactly as its completion endpoint reads them: the simulated
/// models must recognize every probe, and the simulator's own truth must agree with ours.
/// </summary>
public sealed class ProbeSimulatorCompatibilityTests
{
    private const int TasksPerSuite = 200;

    [Theory]
    [InlineData("primality", nameof(TaskKind.Prime))]
    [InlineData("happy_numbers", nameof(TaskKind.HappyCount))]
    [InlineData("arithmetic", nameof(TaskKind.Arithmetic))]
    [InlineData("json_schema", nameof(TaskKind.Json))]
    [InlineData("letter_fidelity", nameof(TaskKind.LetterWords))]
    public void RequestBody_ReadBySimulator_RecognizedWithTheSameTruth(string suiteName, string expectedKind)
    {
        Assert.True(ProbeSuites.TryParse(suiteName, out var suite));
        var random = new Random(7);
        for (var i = 0; i < TasksPerSuite; i++)
        {
            var task = ProbeGenerator.Generate(suite, random);
            var request = SimRequest.TryParse(task.RequestBody("gpt-sim"));

            Assert.NotNull(request);
            Assert.Equal(task.Prompt, request.Prompt);
            var recognized = TaskRecognizer.Recognize(request.Prompt, request.WantsJson);
            Assert.Equal(expectedKind, recognized.Kind.ToString());
            if (suite == ProbeSuiteKind.JsonSchema)
            {
                // The simulator has no truth for extraction; what matters is that the schema reaches it.
                Assert.True(JsonNode.DeepEquals(JsonNode.Parse(JsonExtractionProbes.Schema), JsonNode.Parse(request.JsonSchema!)));
                continue;
            }

            var simulatorTruth = suite == ProbeSuiteKind.LetterFidelity ? recognized.Letter.ToString() : recognized.TrueAnswer;
            Assert.Equal(task.ExpectedAnswer, simulatorTruth, ignoreCase: true);
        }
    }

    [Fact]
    public void RequestBody_JsonSchemaTask_CarriesTheSchemaAsResponseFormat()
    {
        var task = ProbeGenerator.Generate(ProbeSuiteKind.JsonSchema, new Random(8));

        var facts = RequestFacts.Parse(task.RequestBody("gpt-4o"));

        Assert.Equal("gpt-4o", facts.Model);
        Assert.Equal(task.Prompt, facts.PromptText);
        Assert.Equal(ResponseFormatKind.JsonSchema, facts.ResponseFormat);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(JsonExtractionProbes.Schema), JsonNode.Parse(facts.JsonSchemaText!)));
        Assert.False(facts.Stream);
    }

    [Fact]
    public void RequestBody_TextTasks_HaveNoResponseFormat()
    {
        var task = ProbeGenerator.Generate(ProbeSuiteKind.Primality, new Random(9));

        using var body = JsonDocument.Parse(task.RequestBody("gpt-4o"));

        Assert.False(body.RootElement.TryGetProperty("response_format", out _));
        Assert.Equal("user", body.RootElement.GetProperty("messages")[0].GetProperty("role").GetString());
    }

    /// <summary>The pair comparer reads the same answer format from the prompt that the grader grades.</summary>
    [Fact]
    public void Prompts_AskForTheFormatTheComparerExtracts()
    {
        var random = new Random(10);

        Assert.Equal(["yes", "no"], PromptAnswerFormat.LabelSet(ProbeGenerator.Generate(ProbeSuiteKind.Primality, random).Prompt));
        Assert.True(PromptAnswerFormat.MentionsBoxed(ProbeGenerator.Generate(ProbeSuiteKind.HappyNumbers, random).Prompt));
        Assert.True(PromptAnswerFormat.AsksAnswerColon(ProbeGenerator.Generate(ProbeSuiteKind.Arithmetic, random).Prompt));
    }
}
