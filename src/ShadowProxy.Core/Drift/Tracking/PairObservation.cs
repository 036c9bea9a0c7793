using ShadowProxy.Core.Comparison;

namespace ShadowProxy.Core.Drift.Tracking;

/// <summary>What the drift tracker keeps of one compared pair: outcomes and sizes, no response text.</summary>
internal sealed record PairObservation
{
    public required DateTimeOffset At { get; init; }

    /// <summary>True when the answers differ or only one side has one; null when there is no answer to compare.</summary>
    public bool? AnswerDisagreement { get; init; }

    /// <summary>The same judgement for the baseline against an independent baseline replicate, when one was sampled.</summary>
    public bool? NoiseDisagreement { get; init; }

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
            AnswerDisagreement = Disagreement(comparison),
            NoiseDisagreement = noise is null ? null : Disagreement(noise),
            Flags = usable ? FlagsOf(comparison.Baseline, comparison.Primary) : new Dictionary<DriftFlag, PairedFlag>(),
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

    private static bool Usable(SideFacts side) => !side.Unparseable && !side.ProviderError;

    private static Dictionary<DriftFlag, PairedFlag> FlagsOf(SideFacts baseline, SideFacts primary)
    {
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

        return flags;
    }
}
