using ShadowProxy.Yarp.Hosting.Configuration;

namespace ShadowProxy.Yarp.Admin;

/// <summary>The `Readiness` section.</summary>
internal sealed class ReadinessOptionsValidator : OptionsValidator<ReadinessOptions>
{
    protected override void Check(ReadinessOptions options, List<string> errors)
    {
        if (options.MinPairs < 1)
        {
            errors.Add($"Readiness:MinPairs: {options.MinPairs} must be at least 1.");
        }

        if (options.MinAgreement is { } bar && (bar is < 0 or > 1 || double.IsNaN(bar)))
        {
            errors.Add($"Readiness:MinAgreement: {bar} must be between 0 and 1.");
        }

        if (options.Tolerance is < 0 or > 1 || double.IsNaN(options.Tolerance))
        {
            errors.Add($"Readiness:Tolerance: {options.Tolerance} must be between 0 and 1.");
        }
    }
}
