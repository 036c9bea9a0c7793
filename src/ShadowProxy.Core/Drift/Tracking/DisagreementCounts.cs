namespace ShadowProxy.Core.Drift.Tracking;

/// <summary>Additive counts of one <see cref="DisagreementKind"/>: primary against baseline, and the replicate's noise floor.</summary>
internal sealed class DisagreementCounts
{
    public long Disagreements { get; set; }

    public long Decided { get; set; }

    public long NoiseDisagreements { get; set; }

    public long NoisePairs { get; set; }

    public void Add(PairedDisagreement judgement)
    {
        if (judgement.Primary is { } disagrees)
        {
            Decided++;
            Disagreements += disagrees ? 1 : 0;
        }

        if (judgement.Noise is { } noiseDisagrees)
        {
            NoisePairs++;
            NoiseDisagreements += noiseDisagrees ? 1 : 0;
        }
    }

    public void Merge(DisagreementCounts other)
    {
        Disagreements += other.Disagreements;
        Decided += other.Decided;
        NoiseDisagreements += other.NoiseDisagreements;
        NoisePairs += other.NoisePairs;
    }
}
