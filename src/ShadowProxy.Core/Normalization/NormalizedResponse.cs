namespace ShadowProxy.Core.Normalization;

/// <summary>
/// One provider response reduced to what comparison needs, whatever wire format it came in.
/// A stream that ended before its completion marker is <see cref="ResponseStatus.Unparseable"/> with
/// <see cref="Reason"/> "stream ended before completion"; the partial choices are kept for inspection,
/// but comparison treats the side as having no usable answer.
/// </summary>
internal sealed record NormalizedResponse
{
    public const string StreamCutOffReason = "stream ended before completion";

    public ResponseStatus Status { get; init; }

    public string? Reason { get; init; }

    public IReadOnlyList<NormalizedChoice> Choices { get; init; } = [];

    public TokenUsage? Usage { get; init; }

    public string? Model { get; init; }

    /// <summary>The provider's id of this response (chatcmpl-…, resp_…, msg_…).</summary>
    public string? Id { get; init; }

    public string? SystemFingerprint { get; init; }

    public ProviderErrorDetail? Error { get; init; }

    public IReadOnlyList<float[]> Embeddings { get; init; } = [];

    /// <summary>The capture cap was hit, so the body is incomplete.</summary>
    public bool CaptureTruncated { get; init; }

    /// <summary>The first choice's text, or empty when there is none.</summary>
    public string Text => Choices.Count > 0 ? Choices[0].Text : string.Empty;

    public NormalizedChoice? FirstChoice => Choices.Count > 0 ? Choices[0] : null;

    public static NormalizedResponse Unparseable(string reason, bool captureTruncated = false) =>
        new() { Status = ResponseStatus.Unparseable, Reason = reason, CaptureTruncated = captureTruncated };
}
