using System.Globalization;

namespace ShadowProxy.Core.Drift.Tracking;

/// <summary>The flat field → count form a hash-based store (Redis HINCRBY) holds. Zero fields are left out.</summary>
internal sealed partial class DriftBucket
{
    private const string PairsField = "pairs";
    private const string FlagPrefix = "flag.";
    private const string LogRatioPositiveField = "log_ratio.positive";
    private const string LogRatioNegativeField = "log_ratio.negative";
    private const string LogRatioZeroField = "log_ratio.zero";
    private const string LogRatioSumField = "log_ratio.sum_micro";
    private const string LogRatioSquareSumField = "log_ratio.sum_sq_micro";
    private const string PrimaryLengthPrefix = "length.primary.";
    private const string BaselineLengthPrefix = "length.baseline.";
    private const string BaselineLabelPrefix = "label.baseline.";
    private const string PrimaryLabelPrefix = "label.primary.";

    public Dictionary<string, long> ToCounts()
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        Put(counts, PairsField, Pairs);
        foreach (var kind in DisagreementKinds.All)
        {
            var names = DisagreementFields.Of(kind);
            var table = Disagreement(kind);
            Put(counts, names.Disagree, table.Disagreements);
            Put(counts, names.Decided, table.Decided);
            Put(counts, names.NoiseDisagree, table.NoiseDisagreements);
            Put(counts, names.NoisePairs, table.NoisePairs);
        }

        foreach (var kind in SimilarityKinds.All)
        {
            PutSimilarity(counts, SimilarityFields.Of(kind).Primary, Similarity(kind));
            PutSimilarity(counts, SimilarityFields.Of(kind).Noise, NoiseSimilarity(kind));
            Put(counts, SimilarityFields.Of(kind).PrimaryLower, SimilarityOrder(kind).PrimaryLower);
            Put(counts, SimilarityFields.Of(kind).ReplicateLower, SimilarityOrder(kind).ReplicateLower);
        }

        foreach (var flag in DriftFlags.All)
        {
            var table = Flag(flag);
            var prefix = FlagPrefix + DriftFlags.MetricName(flag);
            Put(counts, prefix + ".both", table.Both);
            Put(counts, prefix + ".baseline_only", table.BaselineOnly);
            Put(counts, prefix + ".primary_only", table.PrimaryOnly);
            Put(counts, prefix + ".neither", table.Neither);
        }

        Put(counts, LogRatioPositiveField, LogRatioPositive);
        Put(counts, LogRatioNegativeField, LogRatioNegative);
        Put(counts, LogRatioZeroField, LogRatioZero);
        Put(counts, LogRatioSumField, LogRatioSumMicros);
        Put(counts, LogRatioSquareSumField, LogRatioSquareSumMicros);
        for (var bin = 0; bin < LengthHistogram.Bins; bin++)
        {
            Put(counts, PrimaryLengthPrefix + bin.ToString(CultureInfo.InvariantCulture), _primaryLengths[bin]);
            Put(counts, BaselineLengthPrefix + bin.ToString(CultureInfo.InvariantCulture), _baselineLengths[bin]);
        }

        foreach (var (key, label) in _labels)
        {
            Put(counts, BaselineLabelPrefix + key, label.Baseline);
            Put(counts, PrimaryLabelPrefix + key, label.Primary);
        }

        return counts;
    }

    /// <summary>Reads the flat form back; unknown fields are ignored so older readers survive newer writers.</summary>
    public static DriftBucket FromCounts(IEnumerable<KeyValuePair<string, long>> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var bucket = new DriftBucket();
        foreach (var (field, value) in counts)
        {
            bucket.Read(field, value);
        }

        bucket.FoldRareLabels();
        return bucket;
    }

    private void Read(string field, long value)
    {
        switch (field)
        {
            case PairsField: Pairs += value; return;
            case LogRatioPositiveField: LogRatioPositive += value; return;
            case LogRatioNegativeField: LogRatioNegative += value; return;
            case LogRatioZeroField: LogRatioZero += value; return;
            case LogRatioSumField: LogRatioSumMicros += value; return;
            case LogRatioSquareSumField: LogRatioSquareSumMicros += value; return;
        }

        if (TryReadDisagreement(field, value) || TryReadSimilarity(field, value))
        {
            return;
        }

        if (field.StartsWith(FlagPrefix, StringComparison.Ordinal))
        {
            ReadFlag(field[FlagPrefix.Length..], value);
        }
        else if (TryBin(field, PrimaryLengthPrefix, out var primaryBin))
        {
            _primaryLengths[primaryBin] += value;
        }
        else if (TryBin(field, BaselineLengthPrefix, out var baselineBin))
        {
            _baselineLengths[baselineBin] += value;
        }
        else if (field.StartsWith(BaselineLabelPrefix, StringComparison.Ordinal))
        {
            AddStoredLabel(field[BaselineLabelPrefix.Length..], value, 0);
        }
        else if (field.StartsWith(PrimaryLabelPrefix, StringComparison.Ordinal))
        {
            AddStoredLabel(field[PrimaryLabelPrefix.Length..], 0, value);
        }
    }

    private void ReadFlag(string nameAndCell, long value)
    {
        var dot = nameAndCell.LastIndexOf('.');
        if (dot < 0 || !DriftFlags.TryParse(nameAndCell[..dot], out var flag))
        {
            return;
        }

        var table = Flag(flag);
        switch (nameAndCell[(dot + 1)..])
        {
            case "both": table.Both += value; break;
            case "baseline_only": table.BaselineOnly += value; break;
            case "primary_only": table.PrimaryOnly += value; break;
            case "neither": table.Neither += value; break;
        }
    }

    private static bool TryBin(string field, string prefix, out int bin)
    {
        bin = -1;
        return field.StartsWith(prefix, StringComparison.Ordinal)
            && int.TryParse(field.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out bin)
            && bin < LengthHistogram.Bins;
    }

    private bool TryReadDisagreement(string field, long value)
    {
        foreach (var kind in DisagreementKinds.All)
        {
            var names = DisagreementFields.Of(kind);
            var table = Disagreement(kind);
            if (field == names.Disagree) { table.Disagreements += value; return true; }
            if (field == names.Decided) { table.Decided += value; return true; }
            if (field == names.NoiseDisagree) { table.NoiseDisagreements += value; return true; }
            if (field == names.NoisePairs) { table.NoisePairs += value; return true; }
        }

        return false;
    }

    private bool TryReadSimilarity(string field, long value)
    {
        foreach (var kind in SimilarityKinds.All)
        {
            var names = SimilarityFields.Of(kind);
            if (field == names.PrimaryLower || field == names.ReplicateLower)
            {
                var order = SimilarityOrder(kind);
                order.PrimaryLower += field == names.PrimaryLower ? value : 0;
                order.ReplicateLower += field == names.ReplicateLower ? value : 0;
                return true;
            }

            if (field.StartsWith(names.Primary, StringComparison.Ordinal))
            {
                return ReadSimilarity(Similarity(kind), field[names.Primary.Length..], value);
            }

            if (field.StartsWith(names.Noise, StringComparison.Ordinal))
            {
                return ReadSimilarity(NoiseSimilarity(kind), field[names.Noise.Length..], value);
            }
        }

        return false;
    }

    private static bool ReadSimilarity(SimilarityHistogram histogram, string cell, long value)
    {
        switch (cell)
        {
            case SumCell: histogram.AddStoredSums(value, 0); return true;
            case SquareSumCell: histogram.AddStoredSums(0, value); return true;
        }

        if (int.TryParse(cell, NumberStyles.None, CultureInfo.InvariantCulture, out var bin) && bin < SimilarityHistogram.Bins)
        {
            histogram.AddStoredBin(bin, value);
        }

        return true;
    }

    private static void PutSimilarity(Dictionary<string, long> counts, string prefix, SimilarityHistogram histogram)
    {
        for (var bin = 0; bin < SimilarityHistogram.Bins; bin++)
        {
            Put(counts, prefix + bin.ToString(CultureInfo.InvariantCulture), histogram.Counts[bin]);
        }

        Put(counts, prefix + SumCell, histogram.SumMicros);
        Put(counts, prefix + SquareSumCell, histogram.SquareSumMicros);
    }

    private const string SumCell = "sum_micro";
    private const string SquareSumCell = "sum_sq_micro";

    /// <summary>Answer disagreement keeps the field names it was first stored under.</summary>
    private sealed record DisagreementFields(string Disagree, string Decided, string NoiseDisagree, string NoisePairs)
    {
        private static readonly DisagreementFields[] ByKind =
        [
            .. DisagreementKinds.All.Select(static kind => kind == DisagreementKind.Answer
                ? new DisagreementFields("answer.disagree", "answer.decided", "noise.disagree", "noise.pairs")
                : new DisagreementFields(
                    DisagreementKinds.MetricName(kind) + ".disagree",
                    DisagreementKinds.MetricName(kind) + ".decided",
                    DisagreementKinds.MetricName(kind) + ".noise_disagree",
                    DisagreementKinds.MetricName(kind) + ".noise_pairs")),
        ];

        public static DisagreementFields Of(DisagreementKind kind) => ByKind[(int)kind];
    }

    private sealed record SimilarityFields(string Primary, string Noise, string PrimaryLower, string ReplicateLower)
    {
        private static readonly SimilarityFields[] ByKind =
        [
            .. SimilarityKinds.All.Select(static kind => new SimilarityFields(
                SimilarityKinds.MetricName(kind) + ".primary.", SimilarityKinds.MetricName(kind) + ".noise.",
                SimilarityKinds.MetricName(kind) + ".order.primary_lower", SimilarityKinds.MetricName(kind) + ".order.replicate_lower")),
        ];

        public static SimilarityFields Of(SimilarityKind kind) => ByKind[(int)kind];
    }

    private static void Put(Dictionary<string, long> counts, string field, long value)
    {
        if (value != 0)
        {
            counts[field] = value;
        }
    }
}
