namespace ShadowProxy.Core.Replay;

/// <summary>
/// One metric on both models. <see cref="PValue"/> is the raw test result, <see cref="AdjustedPValue"/> its
/// Benjamini–Hochberg adjustment across the report; <see cref="Drift"/> uses the adjusted value and a minimum
/// effect size. The interval, when present, is the 95% Wilson interval of the primary rate.
/// </summary>
internal sealed record ReplayMetric(string Name, double Baseline, double Primary, double Delta, double PValue, bool Drift, double? CiLow = null, double? CiHigh = null)
{
    public int N { get; init; }

    public double AdjustedPValue { get; init; } = 1;

    public string Test { get; init; } = string.Empty;

    public bool IsRate { get; init; } = true;
}
