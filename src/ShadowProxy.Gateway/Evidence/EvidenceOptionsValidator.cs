using System.Text.RegularExpressions;

namespace ShadowProxy.Gateway.Evidence;

/// <summary>Every problem in the `Evidence` section, each naming its key: retention and caps are privacy settings.</summary>
internal static class EvidenceOptionsValidator
{
    public static void Validate(IConfiguration configuration, List<string> errors)
    {
        EvidenceOptions options;
        try
        {
            options = configuration.GetSection(EvidenceOptions.Section).Get<EvidenceOptions>() ?? new();
        }
        catch (InvalidOperationException e)
        {
            errors.Add($"Evidence: {e.Message}");
            return;
        }

        if (options.Ttl <= TimeSpan.Zero)
        {
            errors.Add($"Evidence:Ttl: '{options.Ttl}' must be a positive time span such as 7.00:00:00.");
        }

        if (options.MaxTextChars < 1)
        {
            errors.Add("Evidence:MaxTextChars: must be at least 1.");
        }

        if (options.MaxMemoryBytes < 1024 * 1024)
        {
            errors.Add($"Evidence:MaxMemoryBytes: {options.MaxMemoryBytes} must be at least 1048576 (1 MiB).");
        }

        foreach (var (pattern, index) in options.RedactPatterns.Select((p, i) => (p, i)))
        {
            try
            {
                _ = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
            }
            catch (ArgumentException e)
            {
                errors.Add($"Evidence:RedactPatterns:{index}: not a valid regular expression ({e.Message}).");
            }
        }
    }
}
