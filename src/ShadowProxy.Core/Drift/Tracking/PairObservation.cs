using ShadowProxy.Core.Comparison;

namespace ShadowProxy.Core.Drift.Tracking;

/// <summary>What the drift tracker keeps of one compared pair: outcomes and sizes, no response text.</summary>
internal sealed record PairObservation
{
    public required DateTimeOffset At { get; init; }

    /// <summary>
    /// The judgements that apply to this pair. Answer: true when the answers differ or only one side has one.
    /// Each carries the same judgement of the baseline against an independent replicate, when one was sampled.
    /// </summary>
    public IReadOnlyDictionary<DisagreementKind, PairedDisagreement> Disagreements { get; init; } =
        new Dictionary<DisagreementKind, PairedDisagreement>();

    /// <summary>Graded similarities that apply to this pair, each with the replicate's when one was sampled.</summary>
    public IReadOnlyDictionary<SimilarityKind, PairedSimilarity> Similarities { get; init; } =
        new Dictionary<SimilarityKind, PairedSimilarity>();

    /// <summary>Only the flags that apply to this pair; both sides must have produced a usable response.</summary>
    public IReadOnlyDictionary<DriftFlag, PairedFlag> Flags { get; init; } = new Dictionary<DriftFlag, PairedFlag>();

    /// <summary>ln((primary chars + 1) / (baseline chars + 1)).</summary>
    public double? LengthLogRatio { get; init; }

    public int? PrimaryChars { get; init; }

    public int? BaselineChars { get; init; }

    /// <summary>Extracted answers, as labels: see <see cref="AnswerLabel"/>; null when a side is unusable.</summary>
    public string? BaselineAnswer { get; init; }

    public string? PrimaryAnswer { get; init; }

    /// <summary>Builds the observation of one compared pair.</summary>
    /// <param name="comparison">Primary against baseline.</param>
    /// <param name="noise">Baseline against an independent baseline replicate, when one was sampled.</param>
    /// <param name="at">When the pair was observed; it decides the time bucket.</param>
    public static PairObservation From(PairComparison comparison, PairComparison? noise, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var usable = Usable(comparison.Baseline) && Usable(comparison.Primary);
        return new PairObservation
        {
            At = at,
            Disagreements = DisagreementsOf(comparison, noise),
            Similarities = SimilaritiesOf(comparison, noise),
            Flags = usable ? FlagsOf(comparison) : new Dictionary<DriftFlag, PairedFlag>(),
            LengthLogRatio = comparison.LengthLogRatio,
            PrimaryChars = usable ? comparison.Primary.Chars : null,
            BaselineChars = usable ? comparison.Baseline.Chars : null,
            BaselineAnswer = usable ? AnswerLabel.Of(comparison.Baseline.Answer, comparison.ExtractorUsed) : null,
            PrimaryAnswer = usable ? AnswerLabel.Of(comparison.Primary.Answer, comparison.ExtractorUsed) : null,
        };
    }

    /// <summary>
    /// Whole-text "answers" are undecided: two samples of free prose almost never match exactly, so counting
    /// them would only dilute the disagreement rate. Routes that want JSON answers compared name a JSON path.
    /// </summary>
    private static bool? Disagreement(PairComparison comparison) =>
        comparison.ExtractorUsed == AnswerExtractorKind.WholeText
            ? null
            : comparison.Agreement switch
            {
                AnswerAgreement.Agree => false,
                AnswerAgreement.Disagree or AnswerAgreement.BaselineNoAnswer or AnswerAgreement.PrimaryNoAnswer => true,
                _ => null,
            };

    private static Dictionary<DisagreementKind, PairedDisagreement> DisagreementsOf(PairComparison comparison, PairComparison? noise)
    {
        var judgements = new Dictionary<DisagreementKind, PairedDisagreement>();
        Put(judgements, DisagreementKind.Answer, Disagreement(comparison), noise is null ? null : Disagreement(noise));
        Put(judgements, DisagreementKind.ToolName, !comparison.ToolNamesEqual, !noise?.ToolNamesEqual);
        Put(judgements, DisagreementKind.ToolArguments, !comparison.ToolArgumentsEqual, !noise?.ToolArgumentsEqual);
        return judgements;
    }

    private static void Put(Dictionary<DisagreementKind, PairedDisagreement> judgements, DisagreementKind kind, bool? primary, bool? noise)
    {
        if (primary is not null || noise is not null)
        {
            judgements[kind] = new PairedDisagreement(primary, noise);
        }
    }

    private static Dictionary<SimilarityKind, PairedSimilarity> SimilaritiesOf(PairComparison comparison, PairComparison? noise)
    {
        var similarities = new Dictionary<SimilarityKind, PairedSimilarity>();
        if (comparison.FreeTextSimilarity is not null || noise?.FreeTextSimilarity is not null)
        {
            similarities[SimilarityKind.FreeText] = new PairedSimilarity(comparison.FreeTextSimilarity, noise?.FreeTextSimilarity);
        }

        if (comparison.EmbeddingCosine is not null || noise?.EmbeddingCosine is not null)
        {
            similarities[SimilarityKind.Embedding] = new PairedSimilarity(comparison.EmbeddingCosine, noise?.EmbeddingCosine);
        }

        return similarities;
    }

    private static bool Usable(SideFacts side) => !side.Unparseable && !side.ProviderError;

    private static Dictionary<DriftFlag, PairedFlag> FlagsOf(PairComparison comparison)
    {
        var (baseline, primary) = (comparison.Baseline, comparison.Primary);
        var flags = new Dictionary<DriftFlag, PairedFlag>
        {
            [DriftFlag.AnswerExtracted] = new(baseline.AnswerExtracted, primary.AnswerExtracted),
            [DriftFlag.Refusal] = new(baseline.Refusal, primary.Refusal),
            [DriftFlag.CodeFenced] = new(baseline.CodeFenced, primary.CodeFenced),
            [DriftFlag.Truncated] = new(baseline.Truncated, primary.Truncated),
        };
        if (baseline.JsonValid is { } baselineJson && primary.JsonValid is { } primaryJson)
        {
            flags[DriftFlag.JsonValid] = new(baselineJson, primaryJson);
        }

        if (baseline.SchemaValid is { } baselineSchema && primary.SchemaValid is { } primarySchema)
        {
            flags[DriftFlag.SchemaValid] = new(baselineSchema, primarySchema);
        }

        if (comparison.ToolsOffered)
        {
            flags[DriftFlag.ToolCalled] = new(baseline.ToolCalls > 0, primary.ToolCalls > 0);
            flags[DriftFlag.ParallelToolCalls] = new(baseline.ToolCalls > 1, primary.ToolCalls > 1);
        }

        return flags;
    }
}
