namespace ShadowProxy.Yarp.Pairs;

/// <summary>A record's approximate heap size: what bounds the pair store by bytes rather than by count.</summary>
internal static class PairRecordSize
{
    /// <summary>Fixed fields, both sides' facts and the object headers, measured roughly once; texts are added on top.</summary>
    private const int FixedBytes = 2_048;

    public static long Estimate(PairRecord pair) =>
        FixedBytes + 2L * (Chars(pair.PromptText) + Chars(pair.PrimaryText) + Chars(pair.BaselineText)
            + Chars(pair.Comparison.Primary.Answer) + Chars(pair.Comparison.Baseline.Answer)
            + Chars(pair.Noise?.Primary.Answer) + Chars(pair.Noise?.Baseline.Answer));

    private static int Chars(string? text) => text?.Length ?? 0;
}
