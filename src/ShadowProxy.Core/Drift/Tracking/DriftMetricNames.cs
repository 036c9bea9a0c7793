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
    public const string ToolCalled = "tool_called";
    public const string ParallelToolCalls = "parallel_tool_calls";
    public const string ToolNameDisagreement = "tool_name_disagreement";
    public const string ToolArgumentsDisagreement = "tool_args_disagreement";
    public const string FreeTextSimilarity = "answer_similarity";
    public const string EmbeddingSimilarity = "embedding_similarity";
}
