using System.Text.Json;
using ShadowProxy.Core.Normalization;

namespace ShadowProxy.Core.Replay;

/// <summary>
/// Reads JSON Lines: one object per line,
/// <c>{"model":"...","id":"...","query":"...","answer":"...","ref_answer":"...","latency":1.25}</c>.
/// <c>model</c>, <c>id</c> (string or number) and <c>answer</c> are required; <c>ref_answer</c> and
/// <c>latency</c> (seconds) are optional. Blank lines are skipped; a malformed line fails with its line number.
/// </summary>
internal static class JsonlReplayReader
{
    public static IEnumerable<ReplayRecord> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            yield return Parse(line, lineNumber);
        }
    }

    private static ReplayRecord Parse(string line, int lineNumber)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            return new ReplayRecord
            {
                Model = root.String("model") ?? throw new InvalidDataException($"JSONL line {lineNumber}: no 'model'."),
                Id = root.String("id") ?? throw new InvalidDataException($"JSONL line {lineNumber}: no 'id'."),
                Query = root.String("query") ?? string.Empty,
                Answer = root.String("answer") ?? string.Empty,
                RefAnswer = root.String("ref_answer"),
                LatencySeconds = root.Double("latency"),
            };
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"JSONL line {lineNumber}: {ex.Message}", ex);
        }
    }
}
