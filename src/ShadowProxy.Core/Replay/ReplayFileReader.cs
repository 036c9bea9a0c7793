namespace ShadowProxy.Core.Replay;

/// <summary>Picks the reader by extension: <c>.jsonl</c>/<c>.ndjson</c> are JSON Lines, anything else CSV.</summary>
internal static class ReplayFileReader
{
    public static IEnumerable<ReplayRecord> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = new StreamReader(path);
        var extension = Path.GetExtension(path);
        var records = extension.Equals(".jsonl", StringComparison.OrdinalIgnoreCase) || extension.Equals(".ndjson", StringComparison.OrdinalIgnoreCase)
            ? JsonlReplayReader.Read(reader)
            : CsvReplayReader.Read(reader);
        foreach (var record in records)
        {
            yield return record;
        }
    }
}
