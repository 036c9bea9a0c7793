namespace ShadowProxy.Core.Drift.Tracking;

/// <summary>
/// Every drift metric, once. The evaluator emits exactly these, in this order; the gateway serves the list as JSON
/// to the explorer, and tests hold docs/metrics.md and the dashboards to it.
/// </summary>
internal static class DriftMetricCatalogue
{
    public const string RatioUnit = "ratio";

    public static IReadOnlyList<DriftMetricDefinition> All { get; } =
    [
        new(DriftMetricNames.AnswerDisagreement, "Answer disagreement",
            "Share of pairs whose extracted answers differ (or only one side answered); the baseline column is the noise floor, the baseline's disagreement with its own replicate.",
            RatioUnit, DriftMetricKind.Disagreement, "e-detector vs noise floor", HigherIsWorse: true),
        new(DriftMetricNames.ToolNameDisagreement, "Tool choice disagreement",
            "Share of pairs where both sides called tools but not the same set of functions (order ignored); baseline column is the replicate's rate.",
            RatioUnit, DriftMetricKind.Disagreement, "e-detector vs noise floor", HigherIsWorse: true),
        new(DriftMetricNames.ToolArgumentsDisagreement, "Tool argument disagreement",
            "Share of pairs calling the same functions whose canonical JSON arguments differ (numbers normalised, key order ignored).",
            RatioUnit, DriftMetricKind.Disagreement, "e-detector vs noise floor", HigherIsWorse: true),
        new(DriftMetricNames.FreeTextSimilarity, "Free-text similarity",
            "Mean token F1 between primary and baseline free-text answers; the baseline column is the baseline's F1 with its own replicate.",
            RatioUnit, DriftMetricKind.Similarity, "e-detector: primary vs replicate", HigherIsWorse: false),
        new(DriftMetricNames.EmbeddingSimilarity, "Embedding similarity",
            "Mean cosine between the primary's and the baseline's embedding vectors; the baseline column is the replicate's cosine.",
            RatioUnit, DriftMetricKind.Similarity, "e-detector: primary vs replicate", HigherIsWorse: false),
        new(DriftMetricNames.JsonValid, "Valid JSON", "Share of answers that parse as JSON, where JSON was asked for or either side answered with it.",
            RatioUnit, DriftMetricKind.PairedFlag, "e-detector on discordant pairs", HigherIsWorse: false),
        new(DriftMetricNames.SchemaValid, "Schema-valid JSON", "Share of answers that satisfy the request's json_schema.",
            RatioUnit, DriftMetricKind.PairedFlag, "e-detector on discordant pairs", HigherIsWorse: false),
        new(DriftMetricNames.AnswerExtracted, "Answer given", "Share of answers from which the chosen extractor read an answer (a survey answer that picks no option has none).",
            RatioUnit, DriftMetricKind.PairedFlag, "e-detector on discordant pairs", HigherIsWorse: false),
        new(DriftMetricNames.Refusal, "Refusal", "Share of answers that refuse, apologise or lecture instead of answering, or that the provider flagged as a refusal.",
            RatioUnit, DriftMetricKind.PairedFlag, "e-detector on discordant pairs", HigherIsWorse: true),
        new(DriftMetricNames.CodeFenced, "Code fence", "Share of answers wrapped in ``` code fences.",
            RatioUnit, DriftMetricKind.PairedFlag, "e-detector on discordant pairs", HigherIsWorse: null),
        new(DriftMetricNames.Truncated, "Truncated", "Share of answers cut short by a length limit.",
            RatioUnit, DriftMetricKind.PairedFlag, "e-detector on discordant pairs", HigherIsWorse: true),
        new(DriftMetricNames.ToolCalled, "Tool called", "Share of answers that called a tool instead of answering in text, where the request offered tools.",
            RatioUnit, DriftMetricKind.PairedFlag, "e-detector on discordant pairs", HigherIsWorse: null),
        new(DriftMetricNames.ParallelToolCalls, "Parallel tool calls", "Share of answers that made more than one tool call at once.",
            RatioUnit, DriftMetricKind.PairedFlag, "e-detector on discordant pairs", HigherIsWorse: null),
        new(DriftMetricNames.LengthLogRatio, "Length ratio", "Mean ln((primary chars + 1) / (baseline chars + 1)); 0 is equal length, ±0.69 is twice or half as long.",
            "log_ratio", DriftMetricKind.PairedRatio, "e-detector on signs", HigherIsWorse: null),
        new(DriftMetricNames.AnswerDistribution, "Answer distribution", "How often each extracted answer occurs on each side (total variation distance).",
            RatioUnit, DriftMetricKind.Distribution, "descriptive (chi-square)", HigherIsWorse: null),
        new(DriftMetricNames.LengthPsi, "Length PSI", "Population stability index of the primary's answer lengths against the baseline's, same requests, current window.",
            "psi", DriftMetricKind.Distribution, "descriptive (PSI)", HigherIsWorse: true),
    ];

    private static readonly Dictionary<string, DriftMetricDefinition> ByName = All.ToDictionary(static d => d.Name, StringComparer.Ordinal);

    public static DriftMetricDefinition? Find(string name) => ByName.GetValueOrDefault(name);
}
