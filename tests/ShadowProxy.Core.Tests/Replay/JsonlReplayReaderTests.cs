using ShadowProxy.Core.Replay;

namespace ShadowProxy.Core.Tests.Replay;

public sealed class JsonlReplayReaderTests
{
    [Fact]
    public void Read_DocumentedFormat_ReadsRecords()
    {
        const string jsonl = """
            {"model":"a","id":"q1","query":"Q","answer":"[Yes]","ref_answer":"Yes","latency":0.5}

            {"model":"b","id":2,"query":"Q","answer":"No"}
            """;

        var records = JsonlReplayReader.Read(new StringReader(jsonl)).ToList();

        Assert.Equal(2, records.Count);
        Assert.Equal(("a", "q1", "Yes", 0.5), (records[0].Model, records[0].Id, records[0].RefAnswer, records[0].LatencySeconds));
        Assert.Equal("2", records[1].Id);
        Assert.Null(records[1].RefAnswer);
    }

    [Fact]
    public void Read_MalformedLine_ThrowsWithLineNumber()
    {
        var error = Assert.Throws<InvalidDataException>(() => JsonlReplayReader.Read(new StringReader("{\"model\":\"a\",\"id\":\"1\"}\n{oops")).ToList());

        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }
}
