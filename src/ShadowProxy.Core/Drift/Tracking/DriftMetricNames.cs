namespace ShadowProxy.Core.Drift.Tracking;

internal static class DriftMetricNames
{
    public const string AnswerDisagreement = "answer_disagreement";
    public const string JsonValid = "json_valid";
    public const string SchemaValid = "schema_valid";
    public const string AnswerExtracted = "answer_extracted";
    public const string Refusal = "refusal";
    public const string CodeFenced = "code_fenced";
    public const string Truncated = "truncated";
    public const string LengthLogRatio = "length_log_ratio";
    public const string AnswerDistribution = "answer_distribution";
    public const string LengthPsi = "length_psi";
}
