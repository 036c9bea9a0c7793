using ShadowProxy.Core.Comparison;
using ShadowProxy.Core.Exchanges;
using ShadowProxy.Core.Normalization;

namespace ShadowProxy.Yarp.Pairs;

/// <summary>What is kept of a compared pair: facts, never raw credentials. Texts only where evidence capture is on.</summary>
internal sealed record PairRecord
{
    public required string PairId { get; init; }

    public required string RouteId { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required OperationKind Operation { get; init; }

    /// <summary>The model the app asked for: drift is tracked per requested model, whatever the provider served.</summary>
    public string? RequestedModel { get; init; }

    /// <summary>The route's pinned baseline model from config.</summary>
    public required string PinnedModel { get; init; }

    public required bool Streamed { get; init; }

    public string? PrimaryModel { get; init; }

    public string? BaselineModel { get; init; }

    public string? PrimaryFingerprint { get; init; }

    public string? BaselineFingerprint { get; init; }

    public TokenUsage? PrimaryUsage { get; init; }

    public TokenUsage? BaselineUsage { get; init; }

    public required PairComparison Comparison { get; init; }

    /// <summary>The LLM judge's verdict on a free-text pair, when sampled for one.</summary>
    public bool? JudgeAgrees { get; init; }

    /// <summary>Cosine similarity of the two answers' embeddings, when sampled for one.</summary>
    public double? EmbeddingCosine { get; init; }

    /// <summary>Baseline vs its own replicate, when this pair measured the noise floor.</summary>
    public PairComparison? Noise { get; init; }

    public TimeSpan PrimaryTimeToFirstByte { get; init; }

    public TimeSpan BaselineTimeToFirstByte { get; init; }

    public TimeSpan PrimaryTotal { get; init; }

    public TimeSpan BaselineTotal { get; init; }

    public string? PrimaryFinishReason { get; init; }

    public string? BaselineFinishReason { get; init; }

    /// <summary>Short SHA-256 of each answer: equality evidence even when content capture is off.</summary>
    public string? PrimaryTextHash { get; init; }

    public string? BaselineTextHash { get; init; }

    /// <summary>Redacted texts, present only when the route captures evidence.</summary>
    public string? PrimaryText { get; init; }

    public string? BaselineText { get; init; }

    public string? PromptText { get; init; }
}
