namespace ShadowProxy.Core.Drift.Tracking;

/// <summary>The 2×2 table of one flag over paired responses; McNemar needs only the discordant cells.</summary>
internal sealed class PairedFlagCounts
{
    public long Both { get; set; }

    public long BaselineOnly { get; set; }

    public long PrimaryOnly { get; set; }

    public long Neither { get; set; }

    public long Total => Both + BaselineOnly + PrimaryOnly + Neither;

    public void Add(PairedFlag flag)
    {
        switch (flag)
        {
            case (true, true): Both++; break;
            case (true, false): BaselineOnly++; break;
            case (false, true): PrimaryOnly++; break;
            default: Neither++; break;
        }
    }

    public void Merge(PairedFlagCounts other)
    {
        Both += other.Both;
        BaselineOnly += other.BaselineOnly;
        PrimaryOnly += other.PrimaryOnly;
        Neither += other.Neither;
    }
}
