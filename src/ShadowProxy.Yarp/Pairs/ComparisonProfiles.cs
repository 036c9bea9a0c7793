using ShadowProxy.Core.Comparison;

namespace ShadowProxy.Yarp.Pairs;

/// <summary>Named comparison profiles from `Comparison:Profiles:{name}` (Extractor, JsonPath); `auto` always exists.</summary>
internal sealed class ComparisonProfiles(IConfiguration configuration)
{
    public ComparisonProfile For(string name)
    {
        if (name.Equals(ComparisonProfile.Auto.Name, StringComparison.OrdinalIgnoreCase))
        {
            return ComparisonProfile.Auto;
        }

        var options = configuration.GetSection($"{ComparisonOptions.Section}:Profiles:{name}").Get<ComparisonProfileOptions>() ?? new ComparisonProfileOptions();
        return new ComparisonProfile { Name = name, Extractor = options.Extractor, JsonPath = options.JsonPath };
    }
}
