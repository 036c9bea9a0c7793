namespace ShadowProxy.Simulator.Replay;

/// <summary>
/// Recorded generations of one model in the LLMDrift CSV layout (`model,id,query,...,answer,...`), matched by
/// the exact query text, so real model outputs can flow through the gateway.
/// </summary>
public sealed class RecordedGenerations
{
    private readonly Dictionary<string, string> _answers;

    private RecordedGenerations(string model, Dictionary<string, string> answers)
    {
        Model = model;
        _answers = answers;
    }

    public string Model { get; }

    public int Count => _answers.Count;

    public bool TryGetAnswer(string query, out string answer) => _answers.TryGetValue(query.Trim(), out answer!);

    public static RecordedGenerations Load(string csvPath, string model)
    {
        using var reader = new StreamReader(csvPath);
        using var records = RecordingCsv.Records(reader).GetEnumerator();
        var header = records.MoveNext() ? records.Current : throw new InvalidDataException($"'{csvPath}' is empty.");
        int Column(string name) => Array.IndexOf(header, name) is >= 0 and var i
            ? i
            : throw new InvalidDataException($"'{csvPath}' has no '{name}' column.");
        int modelColumn = Column("model"), queryColumn = Column("query"), answerColumn = Column("answer");

        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        while (records.MoveNext())
        {
            var row = records.Current;
            if (row.Length > answerColumn && row[modelColumn] == model)
            {
                answers.TryAdd(row[queryColumn].Trim(), row[answerColumn]);
            }
        }

        return answers.Count > 0
            ? new RecordedGenerations(model, answers)
            : throw new InvalidDataException($"'{csvPath}' has no rows for model '{model}'.");
    }
}
