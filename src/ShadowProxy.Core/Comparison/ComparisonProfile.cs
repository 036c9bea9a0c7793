namespace ShadowProxy.Core.Comparison;

/// <summary>A named way of comparing a route's answers, chosen per route by the gateway.</summary>
internal sealed record ComparisonProfile
{
    public static ComparisonProfile Auto { get; } = new();

    public string Name { get; init; } = "auto";

    public AnswerExtractorKind Extractor { get; init; } = AnswerExtractorKind.Auto;

    /// <summary>For <see cref="AnswerExtractorKind.JsonPath"/> (and Auto): a path like <c>$.answer</c> or <c>result.items[0].id</c>.</summary>
    public string? JsonPath { get; init; }
}
