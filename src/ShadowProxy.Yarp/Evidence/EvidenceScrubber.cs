using ShadowProxy.Core.Comparison;

namespace ShadowProxy.Yarp.Evidence;

/// <summary>
/// What of a comparison may be kept. Without evidence capture only short extracted labels survive (redacted: a label
/// can be an email too); a longer answer is replaced by its hash, which still tells answers apart. With capture on,
/// answers are redacted and capped like the texts.
/// </summary>
internal sealed class EvidenceScrubber(EvidenceRedactor redactor)
{
    /// <summary>Longest answer kept as a label when content capture is off: "(B)", "42", "yes", "positive".</summary>
    public const int MaxLabelChars = 64;

    private const int MaxFenceLanguages = 8;
    private const int MaxFenceLanguageChars = 24;

    public PairComparison Scrub(PairComparison comparison, bool captureEvidence) => comparison with
    {
        Baseline = Scrub(comparison.Baseline, captureEvidence),
        Primary = Scrub(comparison.Primary, captureEvidence),
    };

    private SideFacts Scrub(SideFacts side, bool captureEvidence) => side with
    {
        Answer = side.Answer is not { } answer ? null
            : captureEvidence ? redactor.Redact(answer)
            : answer.Length <= MaxLabelChars ? redactor.Redact(answer)
            : $"[sha256:{TextHash.Of(answer)}]",
        FenceLanguages = [.. side.FenceLanguages.Take(MaxFenceLanguages).Select(l => l.Length <= MaxFenceLanguageChars ? l : l[..MaxFenceLanguageChars])],
    };
}
