namespace ShadowProxy.Core.Comparison;

internal enum AnswerExtractorKind
{
    /// <summary>Pick an extractor from the prompt and responses; see <see cref="AnswerExtractorSelector"/>.</summary>
    Auto,
    BracketLabel,
    Boxed,
    MultipleChoice,
    AnswerColon,
    FinalNumber,
    JsonPath,
    WholeText,
}
