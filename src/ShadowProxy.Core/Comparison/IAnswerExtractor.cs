namespace ShadowProxy.Core.Comparison;

/// <summary>Pulls the comparable answer out of a response text; null means no answer could be extracted.</summary>
internal interface IAnswerExtractor
{
    AnswerExtractorKind Kind { get; }

    string? Extract(string text);
}
