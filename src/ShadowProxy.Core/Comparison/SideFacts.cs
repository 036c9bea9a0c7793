namespace ShadowProxy.Core.Comparison;

/// <summary>What one side's response looked like. Holds no response text except the short extracted answer.</summary>
internal sealed record SideFacts
{
    public bool Unparseable { get; init; }

    public bool ProviderError { get; init; }

    public int Chars { get; init; }

    public int Words { get; init; }

    /// <summary>From usage when reported, else counted with the o200k tokenizer.</summary>
    public int? OutputTokens { get; init; }

    public bool Refusal { get; init; }

    /// <summary>Null when JSON does not apply (the request did not ask for it and the baseline did not answer with it).</summary>
    public bool? JsonValid { get; init; }

    /// <summary>Null unless the request carried a json_schema.</summary>
    public bool? SchemaValid { get; init; }

    public bool CodeFenced { get; init; }

    public IReadOnlyList<string> FenceLanguages { get; init; } = [];

    public int MarkdownHeadings { get; init; }

    public int MarkdownListItems { get; init; }

    public string? Answer { get; init; }

    /// <summary>Function calls in the answer; a side that answered in text has none.</summary>
    public int ToolCalls { get; init; }

    public bool AnswerExtracted => Answer is not null;

    /// <summary>The model stopped on a length limit, or the capture was cut.</summary>
    public bool Truncated { get; init; }

    public string? FinishReason { get; init; }

    public double? CostUsd { get; init; }

    public static SideFacts ForUnparseable { get; } = new() { Unparseable = true };
}
