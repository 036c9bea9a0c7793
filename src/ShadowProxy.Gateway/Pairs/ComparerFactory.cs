using ShadowProxy.Core.Comparison;

namespace ShadowProxy.Gateway.Pairs;

/// <summary>Builds the shared comparer from `Comparison:Prices:{model}` and `Comparison:RefusalPatterns`.</summary>
internal static class ComparerFactory
{
    public static PairComparer Create(IConfiguration configuration)
    {
        var section = configuration.GetSection("Comparison");
        var prices = section.GetSection("Prices").GetChildren().ToDictionary(
            p => p.Key,
            p => new ModelPrice(p.GetValue<decimal>("InputPerMillion"), p.GetValue<decimal>("OutputPerMillion")),
            StringComparer.OrdinalIgnoreCase);
        return new PairComparer(new PairComparerOptions
        {
            Prices = prices,
            ExtraRefusalPatterns = section.GetSection("RefusalPatterns").Get<string[]>() ?? [],
        });
    }
}
