namespace ShadowProxy.Gateway.Pairs.Judging;

/// <summary>The `Comparison` section's judge settings.</summary>
internal sealed record ComparisonJudges
{
    public JudgeOptions Judge { get; init; } = new();

    public JudgeOptions Embeddings { get; init; } = new();
}
