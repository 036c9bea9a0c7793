namespace ShadowProxy.Core.Comparison;

/// <summary>
/// Looks a model up by exact name, else by the longest configured prefix, so dated snapshots
/// (<c>gpt-4o-2024-08-06</c>) inherit their family's price (<c>gpt-4o</c>).
/// </summary>
internal sealed class PriceTable(IReadOnlyDictionary<string, ModelPrice> prices)
{
    private readonly KeyValuePair<string, ModelPrice>[] _byLongestPrefix =
        [.. prices.OrderByDescending(static p => p.Key.Length)];

    public ModelPrice? Find(string? model)
    {
        if (string.IsNullOrEmpty(model))
        {
            return null;
        }

        foreach (var (name, price) in _byLongestPrefix)
        {
            if (model.StartsWith(name, StringComparison.OrdinalIgnoreCase))
            {
                return price;
            }
        }

        return null;
    }

    public double? CostUsd(string? model, int? inputTokens, int? outputTokens)
    {
        if (Find(model) is not { } price || (inputTokens is null && outputTokens is null))
        {
            return null;
        }

        var cost = (((inputTokens ?? 0) * price.InputPerMillion) + ((outputTokens ?? 0) * price.OutputPerMillion)) / 1_000_000m;
        return (double)cost;
    }
}
