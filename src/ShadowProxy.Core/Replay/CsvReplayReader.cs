using System.Globalization;

namespace ShadowProxy.Core.Replay;

/// <summary>
/// Reads the LLMDrift CSV layout: a header row naming at least <c>model</c>, <c>id</c> and <c>answer</c>;
/// <c>query</c>, <c>ref_answer</c> and <c>latency</c> (seconds) are used when present, other columns ignored.
/// </summary>
internal static class CsvReplayReader
{
    public static IEnumerable<ReplayRecord> Read(TextReader reader)
    {
        using var rows = RecordingCsv.Records(reader).GetEnumerator();
        if (!rows.MoveNext())
        {
            yield break;
        }

        var columns = ReplayColumns.FromHeader(rows.Current);
        while (rows.MoveNext())
        {
            var row = rows.Current;
            var model = columns.Model.Get(row);
            var id = columns.Id.Get(row);
            if (string.IsNullOrEmpty(model) || string.IsNullOrEmpty(id))
            {
                continue;
            }

            yield return new ReplayRecord
            {
                Model = model,
                Id = id,
                Query = columns.Query.Get(row) ?? string.Empty,
                Answer = columns.Answer.Get(row) ?? string.Empty,
                RefAnswer = columns.RefAnswer.Get(row) is { Length: > 0 } reference ? reference : null,
                LatencySeconds = double.TryParse(columns.Latency.Get(row), NumberStyles.Float, CultureInfo.InvariantCulture, out var latency)
                    ? latency
                    : null,
            };
        }
    }
}
