using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ShadowProxy.Yarp.Telemetry;

/// <summary>Instruments fed by every compared pair.</summary>
internal sealed partial class ShadowProxyInstrumentation
{
    public Counter<long> PairsCounter { get; private set; } = null!;

    public Counter<long> AnswerAgreementCounter { get; private set; } = null!;

    public Counter<long> ResponseFlagsCounter { get; private set; } = null!;

    public Histogram<double> LengthLogRatioHistogram { get; private set; } = null!;

    public Histogram<double> ResponseLengthHistogram { get; private set; } = null!;

    public Histogram<double> TimeToFirstTokenHistogram { get; private set; } = null!;

    public Counter<long> TokensCounter { get; private set; } = null!;

    public Counter<double> ShadowCostCounter { get; private set; } = null!;

    public Counter<long> ServedModelChangesCounter { get; private set; } = null!;

    public Counter<long> ProbeResultsCounter { get; private set; } = null!;

    public Counter<long> JudgeVerdictsCounter { get; private set; } = null!;

    public Histogram<double> EmbeddingSimilarityHistogram { get; private set; } = null!;

    public Histogram<double> AnswerSimilarityHistogram { get; private set; } = null!;

    public Histogram<double> GenAiOperationDuration { get; private set; } = null!;

    public Histogram<long> GenAiTokenUsage { get; private set; } = null!;

    partial void CreatePairInstruments()
    {
        PairsCounter = _meter.CreateCounter<long>(MetricNames.Pairs, description: "Compared primary/baseline pairs.");
        AnswerAgreementCounter = _meter.CreateCounter<long>(MetricNames.AnswerAgreement, description: "Answer agreement per pair (agree, disagree, baseline_no_answer, primary_no_answer, neither_answered, not_applicable).");
        ResponseFlagsCounter = _meter.CreateCounter<long>(MetricNames.ResponseFlags, description: "Responses with a flag set (json_valid, schema_valid, answer_extracted, refusal, code_fenced, truncated), per side; with shadowproxy_pairs_total it gives a rate.");
        LengthLogRatioHistogram = _meter.CreateHistogram<double>(MetricNames.LengthLogRatio, description: "ln((primary chars + 1) / (baseline chars + 1)) per pair; 0 means equal length.");
        ResponseLengthHistogram = _meter.CreateHistogram<double>(MetricNames.ResponseLengthChars, description: "Response length in characters, per side.");
        TimeToFirstTokenHistogram = _meter.CreateHistogram<double>(MetricNames.TimeToFirstToken, unit: "s", description: "Time to first byte of the answer, per side (first token for streams).");
        TokensCounter = _meter.CreateCounter<long>(MetricNames.Tokens, description: "Tokens reported in usage, per side and type (input, output).");
        ShadowCostCounter = _meter.CreateCounter<double>(MetricNames.ShadowCostUsd, description: "Estimated USD spent on baseline calls (price table in Comparison:Prices).");
        ServedModelChangesCounter = _meter.CreateCounter<long>(MetricNames.ServedModelChanges, description: "Changes of the served model or system_fingerprint, per side.");
        JudgeVerdictsCounter = _meter.CreateCounter<long>(MetricNames.JudgeVerdicts, description: "LLM-judge verdicts on free-text pairs (agree, disagree, error).");
        AnswerSimilarityHistogram = _meter.CreateHistogram<double>(MetricNames.AnswerSimilarity,
            description: "Similarity of primary to baseline (pair=primary) and of a baseline replicate to the baseline (pair=replicate): token F1 of free text, cosine of embeddings.");
        EmbeddingSimilarityHistogram = _meter.CreateHistogram<double>(MetricNames.EmbeddingSimilarity, description: "Cosine similarity of the two answers' embeddings, for sampled free-text pairs.");
        ProbeResultsCounter = _meter.CreateCounter<long>(MetricNames.ProbeResults, description: "Canary probe answers graded against ground truth, per suite and side (correct, incorrect, unanswered).");
        GenAiOperationDuration = _meter.CreateHistogram<double>(MetricNames.GenAiOperationDuration, unit: "s", description: "GenAI operation duration (OpenTelemetry semantic conventions).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = HistogramBuckets.GenAiDuration });
        GenAiTokenUsage = _meter.CreateHistogram<long>(MetricNames.GenAiTokenUsage, unit: "{token}", description: "GenAI tokens used (OpenTelemetry semantic conventions).",
            advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = HistogramBuckets.GenAiTokens.Select(b => (long)b).ToArray() });
    }

    public static TagList Tags(string route) => new() { { "route", route } };
}
