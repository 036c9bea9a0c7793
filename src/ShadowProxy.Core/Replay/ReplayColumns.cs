namespace ShadowProxy.Core.Replay;

/// <summary>Column positions found by header name (case-insensitive); a missing optional column reads as null.</summary>
internal sealed record ReplayColumns(Column Model, Column Id, Column Query, Column Answer, Column RefAnswer, Column Latency)
{
    public static ReplayColumns FromHeader(string[] header)
    {
        ArgumentNullException.ThrowIfNull(header);
        Column Find(string name, bool required)
        {
            var index = Array.FindIndex(header, h => string.Equals(h.Trim(), name, StringComparison.OrdinalIgnoreCase));
            return index < 0 && required
                ? throw new InvalidDataException($"Replay CSV has no '{name}' column.")
                : new Column(index);
        }

        return new ReplayColumns(
            Find("model", required: true),
            Find("id", required: true),
            Find("query", required: false),
            Find("answer", required: true),
            Find("ref_answer", required: false),
            Find("latency", required: false));
    }
}
