namespace ShadowProxy.Yarp.Shadowing.Policy;

/// <summary>Where a route's pinned baseline lives and how to call it.</summary>
internal sealed record BaselineOptions
{
    /// <summary>Root address; the request's own path is appended, as YARP does for a destination.</summary>
    public string? Address { get; init; }

    /// <summary>
    /// The baseline's wire format: `same` as the primary's, or `openai` / `anthropic` to pin a baseline at another
    /// provider; Chat Completions and Messages requests are then translated (the common subset; the rest is refused
    /// and counted `skipped_untranslatable`).
    /// </summary>
    public string Provider { get; init; } = Translation.BaselineWire.Same;

    /// <summary>The pinned model that replaces the request's `model` field.</summary>
    public string? Model { get; init; }

    /// <summary>The baseline's own key (from config, environment or a mounted secret), sent as a bearer token.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Header for <see cref="ApiKey"/>: `Authorization` (bearer) or e.g. `api-key` for Azure OpenAI.</summary>
    public string ApiKeyHeader { get; init; } = "Authorization";

    /// <summary>
    /// Headers every baseline copy carries, e.g. `anthropic-version` or `anthropic-beta` for an Anthropic baseline
    /// (without one, Messages copies get `anthropic-version: 2023-06-01`).
    /// </summary>
    public Dictionary<string, string> Headers { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Send the client's own credentials (Authorization, api-key, x-api-key, anthropic-version/-beta) to the baseline.
    /// Off unless the route says so.
    /// </summary>
    public bool ForwardClientCredentials { get; init; }

    /// <summary>
    /// Azure OpenAI: the deployment that serves the pinned model. It replaces the `/deployments/{name}/` segment of the
    /// path (Azure ignores the body's `model`); the `api-version` query is kept.
    /// </summary>
    public string? Deployment { get; init; }

    /// <summary>Let baseline copies be stored on the provider (`store`); off, every copy says `store: false`.</summary>
    public bool Store { get; init; }

    /// <summary>Largest `n` a baseline copy asks for: only the first choice is compared, so more is spend for nothing.</summary>
    public int MaxChoices { get; init; } = 1;

    /// <summary>
    /// Cap on a copy's `max_tokens` / `max_completion_tokens` / `max_output_tokens`: a client cannot make the baseline
    /// write (and bill) more. A copy cut short by it is counted `baseline_capped`, not compared.
    /// </summary>
    public int MaxOutputTokens { get; init; } = 4096;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Baseline calls in flight for this route at once; more wait briefly in line, then are dropped.</summary>
    public int MaxConcurrency { get; init; } = 16;

    /// <summary>Circuit breaker: failure ratio over 30 s (with at least 10 calls) that opens it for 30 s.</summary>
    public double BreakFailureRatio { get; init; } = 0.5;
}
