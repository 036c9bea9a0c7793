using ShadowProxy.Core.Comparison;

namespace ShadowProxy.Yarp.Pairs;

/// <summary>Builds the shared comparer from `Comparison:Prices` and `Comparison:RefusalPatterns`.</summary>
internal static class ComparerFactory
{
    public static PairComparer Create(ComparisonOptions options)
    {
        return new PairComparer(new PairComparerOptions
        {
            Prices = options.Prices.ToDictionary(
                static p => p.Key, static p => new ModelPrice(p.Value.InputPerMillion, p.Value.OutputPerMillion), StringComparer.OrdinalIgnoreCase),
            ExtraRefusalPatterns = options.RefusalPatterns,
        });
    }
}
