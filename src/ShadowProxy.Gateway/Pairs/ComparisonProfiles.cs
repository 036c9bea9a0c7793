using ShadowProxy.Core.Comparison;

namespace ShadowProxy.Gateway.Pairs;

/// <summary>Named comparison profiles from `Comparison:Profiles:{name}` (Extractor, JsonPath); `auto` always exists.</summary>
internal sealed class ComparisonProfiles(IConfiguration configuration)
{
    public ComparisonProfile For(string name)
    {
        if (name.Equals(ComparisonProfile.Auto.Name, StringComparison.OrdinalIgnoreCase))
        {
            return ComparisonProfile.Auto;
        }

        var section = configuration.GetSection($"Comparison:Profiles:{name}");
        return new ComparisonProfile
        {
            Name = name,
            Extractor = Enum.TryParse<AnswerExtractorKind>(section["Extractor"], ignoreCase: true, out var kind) ? kind : AnswerExtractorKind.Auto,
            JsonPath = section["JsonPath"],
        };
    }
}
