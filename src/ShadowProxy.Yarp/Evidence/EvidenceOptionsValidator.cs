using ShadowProxy.Yarp.Hosting.Configuration;

namespace ShadowProxy.Yarp.Evidence;

/// <summary>The `Evidence` section: retention and caps are privacy settings.</summary>
internal sealed class EvidenceOptionsValidator : OptionsValidator<EvidenceOptions>
{
    protected override void Check(EvidenceOptions options, List<string> errors)
    {
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

        RegexSettings.Check("Evidence:RedactPatterns", options.RedactPatterns, errors);
    }
}
