using System.Globalization;

namespace ShadowProxy.Core.Drift.Tracking;

/// <summary>The flat field → count form a hash-based store (Redis HINCRBY) holds. Zero fields are left out.</summary>
internal sealed partial class DriftBucket
{
    private const string PairsField = "pairs";
    private const string DisagreementsField = "answer.disagree";
    private const string DecidedField = "answer.decided";
    private const string NoiseDisagreementsField = "noise.disagree";
    private const string NoisePairsField = "noise.pairs";
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
        Put(counts, DisagreementsField, Disagreements);
        Put(counts, DecidedField, DecidedPairs);
        Put(counts, NoiseDisagreementsField, NoiseDisagreements);
        Put(counts, NoisePairsField, NoisePairs);
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
            case DisagreementsField: Disagreements += value; return;
            case DecidedField: DecidedPairs += value; return;
            case NoiseDisagreementsField: NoiseDisagreements += value; return;
            case NoisePairsField: NoisePairs += value; return;
            case LogRatioPositiveField: LogRatioPositive += value; return;
            case LogRatioNegativeField: LogRatioNegative += value; return;
            case LogRatioZeroField: LogRatioZero += value; return;
            case LogRatioSumField: LogRatioSumMicros += value; return;
            case LogRatioSquareSumField: LogRatioSquareSumMicros += value; return;
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

    private static void Put(Dictionary<string, long> counts, string field, long value)
    {
        if (value != 0)
        {
            counts[field] = value;
        }
    }
}
