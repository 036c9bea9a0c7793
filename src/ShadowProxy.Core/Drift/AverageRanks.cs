namespace ShadowProxy.Core.Drift;

internal static class AverageRanks
{
    /// <summary>1-based ranks of |x| with ties averaged, plus Σ(t³ − t) over tie groups for variance corrections.</summary>
    public static (double[] Ranks, double TieCorrection) OfMagnitudes(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var order = Enumerable.Range(0, values.Count).OrderBy(i => Math.Abs(values[i])).ToArray();
        var ranks = new double[values.Count];
        var tieCorrection = 0.0;
        var start = 0;
        while (start < order.Length)
        {
            var end = start;
            while (end + 1 < order.Length && Math.Abs(values[order[end + 1]]) == Math.Abs(values[order[start]]))
            {
                end++;
            }

            var averageRank = ((start + end) / 2.0) + 1;
            for (var k = start; k <= end; k++)
            {
                ranks[order[k]] = averageRank;
            }

            var tied = end - start + 1;
            tieCorrection += ((double)tied * tied * tied) - tied;
            start = end + 1;
        }

        return (ranks, tieCorrection);
    }
}
