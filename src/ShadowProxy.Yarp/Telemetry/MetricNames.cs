namespace ShadowProxy.Yarp.Telemetry;

/// <summary>
/// Instrument names, written the way Prometheus shows them: <see cref="PrometheusMeterBridge"/> keeps the name and adds
/// `_total` to counters, so `shadowproxy_requests` is scraped as `shadowproxy_requests_total`. Documented in docs/metrics.md.
/// </summary>
internal static class MetricNames
{
    public const string BuildInfo = "shadowproxy_build_info";
    public const string Requests = "shadowproxy_requests";
    public const string RequestDuration = "shadowproxy_request_duration_seconds";
    public const string ShadowDecisions = "shadowproxy_shadow_decisions";
    public const string ShadowOutcomes = "shadowproxy_shadow_outcomes";
    public const string ShadowQueueDepth = "shadowproxy_shadow_queue_depth";
    public const string ShadowQueueCapacity = "shadowproxy_shadow_queue_capacity";
    public const string RedisConnected = "shadowproxy_redis_connected";
    public const string CaptureBufferBytes = "shadowproxy_capture_buffer_bytes";
    public const string CaptureBudgetBytes = "shadowproxy_capture_budget_bytes";
    public const string ShadowJobsRejected = "shadowproxy_shadow_jobs_rejected";
    public const string Pairs = "shadowproxy_pairs";
    public const string AnswerAgreement = "shadowproxy_answer_agreement";
    public const string ResponseFlags = "shadowproxy_response_flags";
    public const string LengthLogRatio = "shadowproxy_length_log_ratio";
    public const string ResponseLengthChars = "shadowproxy_response_length_chars";
    public const string TimeToFirstToken = "shadowproxy_time_to_first_token_seconds";
    public const string Tokens = "shadowproxy_tokens";
    public const string ShadowCostUsd = "shadowproxy_shadow_cost_usd";
    public const string NoiseFloorDisagreement = "shadowproxy_noise_floor_disagreement_ratio";
    public const string AnswerDisagreement = "shadowproxy_answer_disagreement_ratio";
    public const string DriftState = "shadowproxy_drift_state";
    public const string DriftPValue = "shadowproxy_drift_p_value";
    public const string ServedModelChanges = "shadowproxy_served_model_changes";
    public const string ProbeResults = "shadowproxy_probe_results";
    public const string JudgeVerdicts = "shadowproxy_judge_verdicts";
    public const string EmbeddingSimilarity = "shadowproxy_embedding_similarity";
    public const string AnswerSimilarity = "shadowproxy_answer_similarity";
    public const string GenAiOperationDuration = "gen_ai.client.operation.duration";
    public const string GenAiTokenUsage = "gen_ai.client.token.usage";
}
