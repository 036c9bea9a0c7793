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
}
