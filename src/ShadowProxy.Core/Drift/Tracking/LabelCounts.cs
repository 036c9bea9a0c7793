namespace ShadowProxy.Core.Drift.Tracking;

/// <summary>How often one answer label was given by each side.</summary>
internal sealed class LabelCounts
{
    public long Baseline { get; set; }

    public long Primary { get; set; }

    public long Total => Baseline + Primary;
}
