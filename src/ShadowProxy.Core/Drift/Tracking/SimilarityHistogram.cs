namespace ShadowProxy.Core.Drift.Tracking;

/// <summary>
/// Additive histogram of similarities in [0, 1]: counts per bin plus exact sums (micro-units) for the mean and
/// variance. Bins are finer near 1, where replicates of one model sit, so a rank test can tell 0.999 from 0.95.
/// Bins only order values; ties inside a bin are handled by the rank test.
/// </summary>
internal sealed class SimilarityHistogram
{
    /// <summary>Upper edges of 1 − similarity: bin 0 holds exact matches (distance ≤ 1e-6).</summary>
    private static readonly double[] DistanceEdges =
        [1e-6, 1e-4, 1e-3, 0.003, 0.01, 0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, double.PositiveInfinity];

    public static int Bins => DistanceEdges.Length;

    private readonly long[] _counts = new long[Bins];

    public IReadOnlyList<long> Counts => _counts;

    public long Count { get; private set; }

    public long SumMicros { get; private set; }

    public long SquareSumMicros { get; private set; }

    public double Mean => Count == 0 ? 0 : SumMicros / (double)DriftBucket.MicroUnits / Count;

    public double Variance
    {
        get
        {
            if (Count < 2)
            {
                return 0;
            }

            var mean = Mean;
            return Math.Max(0, ((SquareSumMicros / (double)DriftBucket.MicroUnits) - (Count * mean * mean)) / (Count - 1));
        }
    }

    /// <summary>Bins ordered from most similar (0) to least; a higher bin is a lower similarity.</summary>
    public static int BinOf(double similarity)
    {
        var distance = 1 - Math.Clamp(similarity, 0, 1);
        var bin = 0;
        while (distance > DistanceEdges[bin])
        {
            bin++;
        }

        return bin;
    }

    public void Add(double similarity)
    {
        if (!double.IsFinite(similarity))
        {
            return;
        }

        var value = Math.Clamp(similarity, 0, 1);
        _counts[BinOf(value)]++;
        Count++;
        SumMicros += (long)Math.Round(value * DriftBucket.MicroUnits);
        SquareSumMicros += (long)Math.Round(value * value * DriftBucket.MicroUnits);
    }

    public void Merge(SimilarityHistogram other)
    {
        for (var bin = 0; bin < Bins; bin++)
        {
            _counts[bin] += other._counts[bin];
        }

        Count += other.Count;
        SumMicros += other.SumMicros;
        SquareSumMicros += other.SquareSumMicros;
    }

    /// <summary>Restores one stored bin count; see <see cref="DriftBucket"/>'s flat form.</summary>
    public void AddStoredBin(int bin, long count)
    {
        _counts[bin] += count;
        Count += count;
    }

    /// <summary>Restores the stored sums.</summary>
    public void AddStoredSums(long sumMicros, long squareSumMicros)
    {
        SumMicros += sumMicros;
        SquareSumMicros += squareSumMicros;
    }
}
