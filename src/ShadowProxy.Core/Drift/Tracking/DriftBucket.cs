namespace ShadowProxy.Core.Drift.Tracking;

/// <summary>
/// Additive counts for one key over one time bucket. Every field is a sum, so buckets from many replicas
/// merge by addition (a Redis hash with HINCRBY holds one as-is); doubles are kept as micro-unit longs so
/// merging stays exact. Not thread-safe: the store guards it.
/// </summary>
internal sealed partial class DriftBucket
{
    public const long MicroUnits = 1_000_000;

    private readonly PairedFlagCounts[] _flags = [.. DriftFlags.All.Select(static _ => new PairedFlagCounts())];
    private readonly long[] _primaryLengths = new long[LengthHistogram.Bins];
    private readonly long[] _baselineLengths = new long[LengthHistogram.Bins];
    private readonly Dictionary<string, LabelCounts> _labels = new(StringComparer.Ordinal);
    private readonly DisagreementCounts[] _disagreements = [.. DisagreementKinds.All.Select(static _ => new DisagreementCounts())];
    private readonly SimilarityHistogram[] _similarities = [.. SimilarityKinds.All.Select(static _ => new SimilarityHistogram())];
    private readonly SimilarityHistogram[] _noiseSimilarities = [.. SimilarityKinds.All.Select(static _ => new SimilarityHistogram())];
    private readonly SimilarityOrderCounts[] _similarityOrders = [.. SimilarityKinds.All.Select(static _ => new SimilarityOrderCounts())];

    public long Pairs { get; private set; }

    public long Disagreements => Disagreement(DisagreementKind.Answer).Disagreements;

    /// <summary>Pairs where both sides gave a comparable answer (or exactly one side gave none).</summary>
    public long DecidedPairs => Disagreement(DisagreementKind.Answer).Decided;

    public long NoiseDisagreements => Disagreement(DisagreementKind.Answer).NoiseDisagreements;

    public long NoisePairs => Disagreement(DisagreementKind.Answer).NoisePairs;

    public long LogRatioPositive { get; private set; }

    public long LogRatioNegative { get; private set; }

    public long LogRatioZero { get; private set; }

    public long LogRatioSumMicros { get; private set; }

    public long LogRatioSquareSumMicros { get; private set; }

    public long LogRatioCount => LogRatioPositive + LogRatioNegative + LogRatioZero;

    public IReadOnlyList<long> PrimaryLengths => _primaryLengths;

    public IReadOnlyList<long> BaselineLengths => _baselineLengths;

    /// <summary>Keyed by <see cref="AnswerLabel.StoredKey"/>.</summary>
    public IReadOnlyDictionary<string, LabelCounts> Labels => _labels;

    public PairedFlagCounts Flag(DriftFlag flag) => _flags[(int)flag];

    public DisagreementCounts Disagreement(DisagreementKind kind) => _disagreements[(int)kind];

    /// <summary>Primary-vs-baseline similarities of one kind.</summary>
    public SimilarityHistogram Similarity(SimilarityKind kind) => _similarities[(int)kind];

    /// <summary>Baseline-vs-replicate similarities of one kind: the noise floor.</summary>
    public SimilarityHistogram NoiseSimilarity(SimilarityKind kind) => _noiseSimilarities[(int)kind];

    /// <summary>Primary against replicate on the same replicated requests: the mix-proof test of similarity.</summary>
    public SimilarityOrderCounts SimilarityOrder(SimilarityKind kind) => _similarityOrders[(int)kind];

    public static DriftBucket Of(PairObservation observation)
    {
        var bucket = new DriftBucket();
        bucket.Add(observation);
        return bucket;
    }

    public void Add(PairObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        Pairs++;
        foreach (var (kind, judgement) in observation.Disagreements)
        {
            _disagreements[(int)kind].Add(judgement);
        }

        foreach (var (kind, similarity) in observation.Similarities)
        {
            AddSimilarity(_similarities[(int)kind], similarity.Primary);
            AddSimilarity(_noiseSimilarities[(int)kind], similarity.Noise);
            _similarityOrders[(int)kind].Add(similarity);
        }

        foreach (var (flag, value) in observation.Flags)
        {
            _flags[(int)flag].Add(value);
        }

        AddLogRatio(observation.LengthLogRatio);
        AddLength(_primaryLengths, observation.PrimaryChars);
        AddLength(_baselineLengths, observation.BaselineChars);
        AddLabel(observation.BaselineAnswer, baseline: 1, primary: 0);
        AddLabel(observation.PrimaryAnswer, baseline: 0, primary: 1);
        FoldRareLabels();
    }

    public void Merge(DriftBucket other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Pairs += other.Pairs;
        for (var i = 0; i < _disagreements.Length; i++)
        {
            _disagreements[i].Merge(other._disagreements[i]);
        }

        for (var i = 0; i < _similarities.Length; i++)
        {
            _similarities[i].Merge(other._similarities[i]);
            _noiseSimilarities[i].Merge(other._noiseSimilarities[i]);
            _similarityOrders[i].Merge(other._similarityOrders[i]);
        }

        for (var i = 0; i < _flags.Length; i++)
        {
            _flags[i].Merge(other._flags[i]);
        }

        LogRatioPositive += other.LogRatioPositive;
        LogRatioNegative += other.LogRatioNegative;
        LogRatioZero += other.LogRatioZero;
        LogRatioSumMicros += other.LogRatioSumMicros;
        LogRatioSquareSumMicros += other.LogRatioSquareSumMicros;
        for (var bin = 0; bin < LengthHistogram.Bins; bin++)
        {
            _primaryLengths[bin] += other._primaryLengths[bin];
            _baselineLengths[bin] += other._baselineLengths[bin];
        }

        foreach (var (key, counts) in other._labels)
        {
            AddStoredLabel(key, counts.Baseline, counts.Primary);
        }

        FoldRareLabels();
    }

    public DriftBucket Clone()
    {
        var copy = new DriftBucket();
        copy.Merge(this);
        return copy;
    }

    private void AddLogRatio(double? logRatio)
    {
        if (logRatio is not { } value || !double.IsFinite(value))
        {
            return;
        }

        // Round first so that the sign counts and the sums agree about what "zero" is.
        var micros = (long)Math.Round(value * MicroUnits);
        LogRatioPositive += micros > 0 ? 1 : 0;
        LogRatioNegative += micros < 0 ? 1 : 0;
        LogRatioZero += micros == 0 ? 1 : 0;
        LogRatioSumMicros += micros;
        LogRatioSquareSumMicros += (long)Math.Round(value * value * MicroUnits);
    }

    private static void AddSimilarity(SimilarityHistogram histogram, double? similarity)
    {
        if (similarity is { } value)
        {
            histogram.Add(value);
        }
    }

    private static void AddLength(long[] histogram, int? chars)
    {
        if (chars is { } value)
        {
            histogram[LengthHistogram.BinOf(value)]++;
        }
    }

    private void AddLabel(string? label, long baseline, long primary)
    {
        if (label is not null)
        {
            AddStoredLabel(AnswerLabel.StoredKey(label), baseline, primary);
        }
    }

    private void AddStoredLabel(string key, long baseline, long primary)
    {
        if (!_labels.TryGetValue(key, out var counts))
        {
            counts = new LabelCounts();
            _labels.Add(key, counts);
        }

        counts.Baseline += baseline;
        counts.Primary += primary;
    }

    /// <summary>
    /// Keeps the most frequent labels and moves the rest into <see cref="AnswerLabel.Other"/> for both sides
    /// alike, so the cap never makes the two sides look different.
    /// </summary>
    private void FoldRareLabels()
    {
        var ordinary = _labels.Count(static pair => !IsReserved(pair.Key));
        if (ordinary <= AnswerLabel.MaxDistinct)
        {
            return;
        }

        var rare = _labels.Where(static pair => !IsReserved(pair.Key))
            .OrderBy(static pair => pair.Value.Total).ThenBy(static pair => pair.Key, StringComparer.Ordinal)
            .Take(ordinary - AnswerLabel.MaxDistinct)
            .ToList();
        foreach (var (key, counts) in rare)
        {
            _labels.Remove(key);
            AddStoredLabel(AnswerLabel.Other, counts.Baseline, counts.Primary);
        }
    }

    private static bool IsReserved(string key) => key is AnswerLabel.None or AnswerLabel.FreeText or AnswerLabel.Other;
}
