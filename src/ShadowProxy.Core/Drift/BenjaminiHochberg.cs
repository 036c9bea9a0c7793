namespace ShadowProxy.Core.Drift;

/// <summary>
/// Benjamini–Hochberg adjusted p-values (false discovery rate), as R's <c>p.adjust(method = "BH")</c>:
/// p(i) · m / i from the largest down, made monotone, capped at 1, returned in input order.
/// </summary>
internal static class BenjaminiHochberg
{
    public static double[] Adjust(IReadOnlyList<double> pValues)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        var m = pValues.Count;
        var order = Enumerable.Range(0, m).OrderBy(i => pValues[i]).ToArray();
        var adjusted = new double[m];
        var running = 1.0;
        for (var rank = m; rank >= 1; rank--)
        {
            var index = order[rank - 1];
            running = Math.Min(running, pValues[index] * m / rank);
            adjusted[index] = Math.Min(1, running);
        }

        return adjusted;
    }
}
