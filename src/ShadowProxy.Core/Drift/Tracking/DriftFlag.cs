namespace ShadowProxy.Core.Drift.Tracking;

/// <summary>Yes/no facts judged on both sides of a pair and tested with McNemar on the paired counts.</summary>
internal enum DriftFlag
{
    JsonValid,
    SchemaValid,
    AnswerExtracted,
    Refusal,
    CodeFenced,
    Truncated,

    /// <summary>The side answered with a tool call rather than text; judged only where the request offered tools.</summary>
    ToolCalled,

    /// <summary>The side made more than one call at once.</summary>
    ParallelToolCalls,
}
