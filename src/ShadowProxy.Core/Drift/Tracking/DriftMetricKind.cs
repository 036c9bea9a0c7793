namespace ShadowProxy.Core.Drift.Tracking;

/// <summary>
/// How a drift metric reads a pair. The verdict of every kind but <see cref="Distribution"/> comes from its paired
/// stream's sequential detector (<see cref="PairedStreams"/>); the window tests named here only describe.
/// </summary>
internal enum DriftMetricKind
{
    /// <summary>A rate of disagreement against the baseline-replicate noise floor (window: one-sided z).</summary>
    Disagreement,

    /// <summary>A graded similarity, judged primary against replicate on replicated requests (window: Mann–Whitney).</summary>
    Similarity,

    /// <summary>A yes/no fact judged on both sides of a pair, tested on the discordant pairs (window: McNemar).</summary>
    PairedFlag,

    /// <summary>A per-pair signed quantity, tested on its signs (window: sign test).</summary>
    PairedRatio,

    /// <summary>A distribution of one side against the other (chi-square, PSI): descriptive, never a verdict.</summary>
    Distribution,
}
