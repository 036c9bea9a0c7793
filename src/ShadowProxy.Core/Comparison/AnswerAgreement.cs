namespace ShadowProxy.Core.Comparison;

internal enum AnswerAgreement
{
    Agree,
    Disagree,
    BaselineNoAnswer,
    PrimaryNoAnswer,
    NeitherAnswered,

    /// <summary>A side could not be parsed, or the operation has no answer text (embeddings).</summary>
    NotApplicable,
}
