namespace ShadowProxy.Core.Drift.Tracking;

/// <summary>How a drift metric reads a pair and which test decides it.</summary>
internal enum DriftMetricKind
{
    /// <summary>A rate of disagreement against the baseline-replicate noise floor (one-sided z, or binomial against an assumed floor).</summary>
    Disagreement,

    /// <summary>A graded similarity against the replicate similarity (one-sided Mann–Whitney on histograms).</summary>
    Similarity,

    /// <summary>A yes/no fact judged on both sides of a pair (McNemar on the discordant pairs).</summary>
    PairedFlag,

    /// <summary>A per-pair signed quantity (sign test).</summary>
    PairedRatio,

    /// <summary>A distribution of one side against the other (G-test) or against the reference window (PSI).</summary>
    Distribution,
}
