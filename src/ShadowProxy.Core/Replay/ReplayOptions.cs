using ShadowProxy.Core.Comparison;

namespace ShadowProxy.Core.Replay;

internal sealed record ReplayOptions
{
    public required string Baseline { get; init; }

    public required string Primary { get; init; }

    public ComparisonProfile Profile { get; init; } = ComparisonProfile.Auto;

    /// <summary>Drift needs a Benjamini–Hochberg adjusted p-value below this.</summary>
    public double Alpha { get; init; } = 0.01;

    /// <summary>Smallest change of a rate (absolute, 0–1) that counts as drift.</summary>
    public double MinRateChange { get; init; } = 0.02;

    /// <summary>Smallest relative change of a mean (length, latency) that counts as drift.</summary>
    public double MinRelativeMeanChange { get; init; } = 0.10;

    /// <summary>
    /// Answer mismatch expected between two runs of the same model. Recordings hold one run per model, so this
    /// is an assumption, not a measurement; the live gateway measures it with baseline-vs-baseline pairs.
    /// </summary>
    public double MismatchNoiseFloor { get; init; } = 0.05;
}
