using ShadowProxy.Core.Drift.Tracking;

namespace ShadowProxy.Yarp.Admin;

/// <summary>
/// Rollout readiness for a route (for Argo Rollouts or Flagger): pass when enough pairs were compared, the lower
/// confidence bound of answer agreement clears the threshold, and no metric is in drift.
/// </summary>
internal static class ReadinessGate
{
    public static ReadinessVerdict Evaluate(DriftReport report, string route, ReadinessOptions options)
    {
        var keys = report.Keys.Where(k => k.Key.Route == route).ToList();
        var pairs = keys.Sum(k => k.Pairs);
        var reasons = new List<string>();
        if (keys.Count == 0 || pairs < options.MinPairs)
        {
            reasons.Add($"only {pairs} compared pairs; at least {options.MinPairs} are needed");
        }

        // Agreement bound: 1 - the upper confidence bound of disagreement. By default the bar is the baseline's own
        // agreement with itself at its pessimistic bound (1 - noise-floor upper bound) minus a tolerance, so noisy
        // tasks are not held to an impossible 100% and a small noise sample does not fail an unchanged model.
        double? agreementLow = keys.Count == 0 ? null : keys.Min(k => 1 - k.Disagreement.CiHigh);
        var threshold = options.MinAgreement ?? (keys.Count == 0 ? 1 : keys.Min(k => 1 - k.NoiseFloor.CiHigh) - options.Tolerance);
        if (agreementLow is { } low && low < threshold)
        {
            reasons.Add($"answer agreement lower bound {low:P1} is below {threshold:P1}");
        }

        var drifting = keys.SelectMany(k => k.Metrics.Where(m => m.State == DriftState.Drift).Select(m => $"{k.Key.PrimaryModel}:{m.Name}")).ToList();
        if (drifting.Count > 0)
        {
            reasons.Add($"drift on {string.Join(", ", drifting)}");
        }

        return new ReadinessVerdict(route, reasons.Count == 0, pairs, agreementLow, threshold, drifting, reasons, report.EvaluatedAt);
    }
}

internal sealed record ReadinessVerdict(
    string Route, bool Pass, long Pairs, double? AgreementLowerBound, double Threshold, IReadOnlyList<string> DriftingMetrics,
    IReadOnlyList<string> Reasons, DateTimeOffset EvaluatedAt);

/// <summary>The `Readiness` section.</summary>
internal sealed record ReadinessOptions
{
    public const string Section = "Readiness";

    public long MinPairs { get; init; } = 100;

    /// <summary>Absolute agreement bar; unset means "the noise floor's agreement minus <see cref="Tolerance"/>".</summary>
    public double? MinAgreement { get; init; }

    public double Tolerance { get; init; } = 0.10;
}
