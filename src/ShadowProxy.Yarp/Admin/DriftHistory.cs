using ShadowProxy.Core.Drift.Tracking;

namespace ShadowProxy.Yarp.Admin;

/// <summary>Per-bucket rates over the drift window, merged across a route's keys, for the explorer's charts.</summary>
internal static class DriftHistory
{
    public static async Task<HistoryResponse> ReadAsync(IDriftWindowStore windows, DriftOptions options, string? route, string? model, CancellationToken cancellationToken)
    {
        var merged = new SortedDictionary<long, DriftBucket>();
        foreach (var span in await windows.KeysAsync(cancellationToken))
        {
            if ((route is not null && span.Key.Route != route) || (model is not null && span.Key.PrimaryModel != model))
            {
                continue;
            }

            var from = Math.Max(span.FirstBucket, span.LastBucket - options.WindowBuckets + 1);
            foreach (var bucket in await windows.ReadAsync(span.Key, from, span.LastBucket, cancellationToken))
            {
                if (merged.TryGetValue(bucket.BucketIndex, out var existing))
                {
                    existing.Merge(bucket.Counts);
                }
                else
                {
                    merged[bucket.BucketIndex] = bucket.Counts.Clone();
                }
            }
        }

        return new HistoryResponse((int)options.BucketDuration.TotalSeconds, [.. merged.Select(p => Point(options.BucketStart(p.Key), p.Value))]);
    }

    private static HistoryPoint Point(DateTimeOffset at, DriftBucket b) => new(
        at,
        b.Pairs,
        Ratio(b.Disagreements, b.DecidedPairs),
        Ratio(b.NoiseDisagreements, b.NoisePairs),
        b.LogRatioCount == 0 ? null : b.LogRatioSumMicros / (double)DriftBucket.MicroUnits / b.LogRatioCount,
        Primary(b.Flag(DriftFlag.Refusal)), Baseline(b.Flag(DriftFlag.Refusal)),
        Primary(b.Flag(DriftFlag.CodeFenced)), Baseline(b.Flag(DriftFlag.CodeFenced)),
        Primary(b.Flag(DriftFlag.JsonValid)), Baseline(b.Flag(DriftFlag.JsonValid)),
        Missing(Primary(b.Flag(DriftFlag.AnswerExtracted))), Missing(Baseline(b.Flag(DriftFlag.AnswerExtracted))));

    private static double? Ratio(long part, long whole) => whole == 0 ? null : part / (double)whole;

    private static double? Primary(PairedFlagCounts c) => Ratio(c.Both + c.PrimaryOnly, c.Total);

    private static double? Baseline(PairedFlagCounts c) => Ratio(c.Both + c.BaselineOnly, c.Total);

    private static double? Missing(double? extracted) => 1 - extracted;
}
