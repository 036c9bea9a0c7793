using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ShadowProxy.Yarp.Evidence;

/// <summary>
/// Scrubs secrets and personal data from texts before they are stored: API keys and bearer tokens, emails, card
/// numbers (Luhn-checked) and the configured patterns. Runs before storage, never at display time.
/// </summary>
internal sealed partial class EvidenceRedactor(IOptions<EvidenceOptions> options)
{
    public const string Marker = "[REDACTED]";

    /// <summary>Longer than any secret the patterns match, so one that crosses the cut is still seen whole.</summary>
    private const int ScanMargin = 512;

    private readonly Regex[] _custom = [.. options.Value.RedactPatterns.Select(p => new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100)))];

    public string? Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        // Redact first, then cut: a secret straddling the cut must not leave its first half behind. Only a margin past
        // the cut is scanned, so a megabyte answer costs no more than a capped one.
        var max = options.Value.MaxTextChars;
        var result = text.Length > max + ScanMargin ? text[..(max + ScanMargin)] : text;
        result = ApiKey().Replace(result, Marker);
        result = Bearer().Replace(result, "Bearer " + Marker);
        result = Email().Replace(result, Marker);
        result = CardNumber().Replace(result, m => Luhn.IsValid(m.Value) ? Marker : m.Value);
        foreach (var pattern in _custom)
        {
            result = pattern.Replace(result, Marker);
        }

        return result.Length > max ? result[..max] + "…" : result;
    }

    [GeneratedRegex(@"\b(sk|pk|rk)-[A-Za-z0-9_\-]{16,}|\bAKIA[0-9A-Z]{16}\b|\bgh[pousr]_[A-Za-z0-9]{30,}\b|\bxox[abpr]-[A-Za-z0-9\-]{10,}")]
    private static partial Regex ApiKey();

    [GeneratedRegex(@"\bBearer\s+[A-Za-z0-9._~+/\-]{12,}=*", RegexOptions.IgnoreCase)]
    private static partial Regex Bearer();

    [GeneratedRegex(@"\b[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}\b")]
    private static partial Regex Email();

    [GeneratedRegex(@"\b(?:\d[ \-]?){12,18}\d\b")]
    private static partial Regex CardNumber();
}
