namespace ShadowProxy.Core.Drift.Tracking;

/// <summary>
/// Fixed half-octave bins of response length in characters. Fixed edges keep histograms from different
/// buckets and replicas addable; the last bin holds everything from about 45,000 characters up.
/// </summary>
internal static class LengthHistogram
{
    public const int Bins = 32;

    public static int BinOf(int chars) =>
        Math.Min(Bins - 1, (int)Math.Floor(2 * Math.Log2(Math.Max(chars, 0) + 1.0)));
}
