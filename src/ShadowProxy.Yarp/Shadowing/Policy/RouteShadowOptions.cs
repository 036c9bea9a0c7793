namespace ShadowProxy.Yarp.Shadowing.Policy;

/// <summary>`Shadowing:Routes:{routeId}`: whether and how a route's traffic is mirrored to its pinned baseline.</summary>
internal sealed record RouteShadowOptions
{
    public bool Enabled { get; init; } = true;

    /// <summary>Fraction of eligible requests mirrored, 0–1.</summary>
    public double SampleRate { get; init; } = 0.1;

    /// <summary>`random`, or `header:NAME` to sample by a stable hash of that header (a tenant is in or out consistently).</summary>
    public string SamplingKey { get; init; } = "random";

    /// <summary>Eligible operations: chat.completions, completions, responses, embeddings, messages (Anthropic).</summary>
    public List<string> Operations { get; init; } = ["chat.completions", "completions", "responses", "embeddings", "messages"];

    public long MaxRequestBodyBytes { get; init; } = 1024 * 1024;

    /// <summary>Cap on each captured response (primary and baseline); beyond it the pair is counted `capture_truncated`.</summary>
    public int MaxResponseCaptureBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Fraction of sampled requests that get a second, independent baseline call to measure the noise floor.</summary>
    public double NoiseReplicateRate { get; init; } = 0.1;

    /// <summary>
    /// Below this many replicates in the last hour every sampled pair is replicated, so a quiet route learns its noise
    /// floor in days; a busy route replicates more than this anyway. 0 turns the floor off; a
    /// <see cref="NoiseReplicateRate"/> of 0 turns replicates off, floor included.
    /// </summary>
    public int MinNoiseReplicatesPerHour { get; init; } = 10;

    /// <summary>
    /// Keep the prompt and both answers (redacted) as evidence for the explorer. Off by default: then only hashes,
    /// lengths, flags and extracted answers are kept.
    /// </summary>
    public bool CaptureEvidence { get; init; }

    /// <summary>Named comparison profile; `auto` picks extractors from the request and responses.</summary>
    public string ComparisonProfile { get; init; } = "auto";

    public BaselineOptions Baseline { get; init; } = new();

    public ShadowBudgetOptions Budget { get; init; } = new();
}
