using ShadowProxy.Core.Normalization;
using ShadowProxy.Core.Probes;

namespace ShadowProxy.Core.Tests.Probes;

/// <summary>Finished chat completions and hand-made tasks for grading tests.</summary>
internal static class ProbeResponses
{
    public static NormalizedResponse Ok(string text) => new()
    {
        Status = ResponseStatus.Ok,
        Choices = [new NormalizedChoice { Index = 0, Text = text, FinishReason = "stop" }],
    };

    public static ProbeTask Task(ProbeSuiteKind suite, string expectedAnswer, string? schema = null) => new()
    {
        Id = ProbeSuites.TaskId(suite, "test"),
        Suite = suite,
        Prompt = "test prompt",
        ExpectedAnswer = expectedAnswer,
        JsonSchemaText = schema,
    };
}
