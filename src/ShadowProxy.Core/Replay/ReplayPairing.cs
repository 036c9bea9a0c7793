namespace ShadowProxy.Core.Replay;

internal static class ReplayPairing
{
    /// <summary>Pairs baseline and primary rows by id in baseline order; counts rows of either model left without a partner.</summary>
    public static (List<(ReplayRecord Baseline, ReplayRecord Primary)> Pairs, int Unpaired) Pair(
        IEnumerable<ReplayRecord> records, string baselineModel, string primaryModel)
    {
        var baseline = new List<ReplayRecord>();
        var primaryById = new Dictionary<string, ReplayRecord>(StringComparer.Ordinal);
        var seenBaseline = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            if (record.Model == baselineModel && seenBaseline.Add(record.Id))
            {
                baseline.Add(record);
            }

            if (record.Model == primaryModel)
            {
                primaryById.TryAdd(record.Id, record);
            }
        }

        var pairs = new List<(ReplayRecord, ReplayRecord)>(baseline.Count);
        foreach (var row in baseline)
        {
            if (primaryById.TryGetValue(row.Id, out var partner))
            {
                pairs.Add((row, partner));
            }
        }

        var unpaired = baseline.Count + primaryById.Count - (2 * pairs.Count);
        return (pairs, unpaired);
    }
}
