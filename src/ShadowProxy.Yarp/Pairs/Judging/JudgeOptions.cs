namespace ShadowProxy.Yarp.Pairs.Judging;

/// <summary>
/// `Comparison:Judge` and `Comparison:Embeddings`: optional second opinions for free-text pairs, where exact answer
/// agreement does not apply. Each calls its own endpoint with its own key (never the client's), sampled and capped.
/// </summary>
internal sealed record JudgeOptions
{
    public bool Enabled { get; init; }

    /// <summary>OpenAI-compatible base URL including the version segment, e.g. https://api.openai.com/v1.</summary>
    public Uri? Endpoint { get; init; }

    public string Model { get; init; } = string.Empty;

    public string ApiKey { get; init; } = "not-needed";

    /// <summary>Share of eligible (free-text) pairs sent for a second opinion.</summary>
    public double SampleRate { get; init; } = 0.05;

    /// <summary>Calls per minute at most, per process; above it pairs simply go without.</summary>
    public int MaxPerMinute { get; init; } = 30;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
}
