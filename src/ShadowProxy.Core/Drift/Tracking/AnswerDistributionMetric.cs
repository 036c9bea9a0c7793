namespace ShadowProxy.Core.Drift.Tracking;

/// <summary>
/// Chi-square homogeneity of the answer labels each side gave (e.g. the share of "yes"). The effect is the
/// total variation distance: the share of answers that would have to change label to match.
/// </summary>
internal static class AnswerDistributionMetric
{
    public static MetricEvaluation Evaluate(DriftBucket window, DriftOptions options)
    {
        var categories = window.Labels.Values.Select(static c => (c.Baseline, c.Primary)).ToList();
        var baselineTotal = categories.Sum(static c => c.Baseline);
        var primaryTotal = categories.Sum(static c => c.Primary);
        if (Math.Min(baselineTotal, primaryTotal) < options.MinPairs)
        {
            return MetricEvaluation.Insufficient(DriftMetricNames.AnswerDistribution, Math.Min(baselineTotal, primaryTotal));
        }

        var (baseline, primary) = SparseCategories.PoolRare(categories);
        var distance = 0.0;
        for (var i = 0; i < baseline.Length; i++)
        {
            distance += Math.Abs(((double)baseline[i] / baselineTotal) - ((double)primary[i] / primaryTotal)) / 2;
        }

        return new MetricEvaluation
        {
            Name = DriftMetricNames.AnswerDistribution,
            Pairs = Math.Min(baselineTotal, primaryTotal),
            Delta = distance,
            PValue = ChiSquareTest.Compute(baseline, primary).PValue,
        };
    }
}
