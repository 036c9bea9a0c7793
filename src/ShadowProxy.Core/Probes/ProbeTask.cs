namespace ShadowProxy.Core.Probes;

/// <summary>One canary task with its known answer.</summary>
internal sealed record ProbeTask
{
    public required string Id { get; init; }

    public required ProbeSuiteKind Suite { get; init; }

    public required string Prompt { get; init; }

    /// <summary>
    /// What a correct answer says, normalized: "yes"/"no" for primality, an invariant integer for happy-number
    /// counts and arithmetic, the lowercase letter for letter fidelity, and the expected JSON object for json_schema.
    /// </summary>
    public required string ExpectedAnswer { get; init; }

    /// <summary>The schema sent as <c>response_format</c>; only json_schema tasks have one.</summary>
    public string? JsonSchemaText { get; init; }

    /// <summary>An OpenAI chat-completions request body (UTF-8 JSON) asking <paramref name="model"/> this task.</summary>
    public byte[] RequestBody(string model) => ProbeRequestBody.Write(this, model);
}
