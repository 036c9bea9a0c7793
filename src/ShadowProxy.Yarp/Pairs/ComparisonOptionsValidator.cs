using ShadowProxy.Yarp.Hosting.Configuration;

namespace ShadowProxy.Yarp.Pairs;

/// <summary>The `Comparison` section.</summary>
internal sealed class ComparisonOptionsValidator : OptionsValidator<ComparisonOptions>
{
    protected override void Check(ComparisonOptions options, List<string> errors)
    {
        RegexSettings.Check("Comparison:RefusalPatterns", options.RefusalPatterns, errors);
        foreach (var (model, price) in options.Prices.Where(p => p.Value.InputPerMillion < 0 || p.Value.OutputPerMillion < 0))
        {
            errors.Add($"Comparison:Prices:{model}: prices must be 0 or more.");
        }
    }
}
