namespace ShadowProxy.Core.Drift.Tracking;

/// <summary>One pair's disagreement, and the baseline replicate's on the same request when one was sampled.</summary>
internal readonly record struct PairedDisagreement(bool? Primary, bool? Noise);

/// <summary>One pair's similarity in [0, 1], and the baseline replicate's on the same request when one was sampled.</summary>
internal readonly record struct PairedSimilarity(double? Primary, double? Noise);
