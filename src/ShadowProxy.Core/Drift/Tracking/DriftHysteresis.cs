namespace ShadowProxy.Core.Drift.Tracking;

/// <summary>
/// State transitions with a dead band and a confirmation span. Ok moves to Warning on a small adjusted
/// p-value; Warning moves to Drift once the drift condition (p below <see cref="DriftOptions.DriftAlpha"/> and
/// a large enough effect) has held at every evaluation for <see cref="DriftOptions.DriftConfirmationBuckets"/>
/// buckets; Warning and Drift clear only above <see cref="DriftOptions.ClearAlpha"/>.
/// The windows are re-tested at every evaluation, so without the confirmation span a single lucky look
/// among many would be enough to raise Drift.
/// </summary>
internal static class DriftHysteresis
{
    public static MetricHistory Next(MetricHistory previous, double? pAdjusted, MetricEvaluation metric, DriftEvaluationMoment moment, DriftOptions options)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(options);
        if (pAdjusted is not { } p
            || (previous.State == DriftState.Ok && !(p < options.WarningAlpha && metric.WarningSized))
            || (previous.State != DriftState.Ok && p > options.ClearAlpha))
        {
            return MetricHistory.Initial;
        }

        var since = p < options.DriftAlpha && metric.DriftSized ? previous.DriftConditionSince ?? moment.Bucket : (long?)null;
        var confirmed = since is { } start && moment.Bucket - start >= options.DriftConfirmationBuckets;
        if (previous.State == DriftState.Drift)
        {
            return previous with { DriftConditionSince = since };
        }

        return confirmed
            ? new MetricHistory(DriftState.Drift, since, moment.WindowPairs, moment.At)
            : new MetricHistory(DriftState.Warning, since, null, null);
    }
}
