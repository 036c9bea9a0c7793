namespace ShadowProxy.Core.Drift.Tracking;

internal static class SimilarityKinds
{
    public static IReadOnlyList<SimilarityKind> All { get; } = Enum.GetValues<SimilarityKind>();

    /// <summary>The metric name, also part of stored field names, so it must never change once released.</summary>
    public static string MetricName(SimilarityKind kind) => kind switch
    {
        SimilarityKind.FreeText => DriftMetricNames.FreeTextSimilarity,
        SimilarityKind.Embedding => DriftMetricNames.EmbeddingSimilarity,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
