namespace ShadowProxy.Yarp.Evidence;

/// <summary>The `Evidence` section: what is kept of compared pairs, for how long, and what is scrubbed first.</summary>
internal sealed record EvidenceOptions
{
    public const string Section = "Evidence";

    /// <summary>Stored pairs expire after this; the default is a week.</summary>
    public TimeSpan Ttl { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Cap on each stored text (prompt and both answers), after redaction.</summary>
    public int MaxTextChars { get; init; } = 20_000;

    /// <summary>Bytes the in-memory pair store may hold (with Redis, `Redis:MaxStoredPairs` bounds it); oldest go first.</summary>
    public long MaxMemoryBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Extra regular expressions whose matches are replaced by [REDACTED], on top of keys, emails and card numbers.</summary>
    public List<string> RedactPatterns { get; init; } = [];
}
