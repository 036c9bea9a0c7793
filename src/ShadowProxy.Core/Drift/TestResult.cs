namespace ShadowProxy.Core.Drift;

/// <summary>A test statistic and its p-value; <see cref="Exact"/> says whether an exact distribution was used.</summary>
internal sealed record TestResult(double Statistic, double PValue, bool Exact = false)
{
    public static TestResult NoEvidence { get; } = new(0, 1, Exact: true);
}
