namespace ShadowProxy.Core.Drift.Tracking;

/// <summary>Reported intervals are 95%, independent of the alphas the verdicts use.</summary>
internal static class Confidence95
{
    public const double Z = 1.959963984540054;
}
