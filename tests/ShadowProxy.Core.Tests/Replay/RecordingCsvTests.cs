using ShadowProxy.Core.Replay;

namespace ShadowProxy.Core.Tests.Replay;

public sealed class RecordingCsvTests
{
    private static List<string[]> Read(string csv) => [.. RecordingCsv.Records(new StringReader(csv))];

    [Fact]
    public void Read_QuotedFieldsWithCommasQuotesAndNewlines_KeepsThemInOneField()
    {
        var rows = Read("a,b,c\r\n1,\"x, \"\"quoted\"\"\r\nsecond line\",3\r\n");

        Assert.Equal(2, rows.Count);
        Assert.Equal(["1", "x, \"quoted\"\r\nsecond line", "3"], rows[1]);
    }

    [Fact]
    public void Read_EmptyFieldsAndMissingFinalNewline_AreKept()
    {
        var rows = Read("a,,\n,\"\",z");

        Assert.Equal(["a", "", ""], rows[0]);
        Assert.Equal(["", "", "z"], rows[1]);
    }

    [Fact]
    public void Read_BlankLines_AreSkipped()
    {
        Assert.Equal(2, Read("a\n\n\nb\n").Count);
    }

    [Fact]
    public void ReadReplay_LlmDriftLayout_MapsColumnsByHeader()
    {
        const string csv = """
            ,Unnamed: 0,model,temperature,id,query,ref_answer,answer,latency,cost
            0,0,m1,0.1,7,"Is 7 prime? Answer ""[Yes]"" or ""[No]"".",yes,"[Yes]
            because",1.5,0.01
            1,1,m2,0.1,7,q,,"No",oops,0
            """;

        var records = CsvReplayReader.Read(new StringReader(csv)).ToList();

        Assert.Equal(2, records.Count);
        Assert.Equal(new ReplayRecord
        {
            Model = "m1",
            Id = "7",
            Query = "Is 7 prime? Answer \"[Yes]\" or \"[No]\".",
            Answer = "[Yes]\nbecause",
            RefAnswer = "yes",
            LatencySeconds = 1.5,
        }, records[0]);
        Assert.Null(records[1].RefAnswer);
        Assert.Null(records[1].LatencySeconds);
    }

    [Fact]
    public void ReadReplay_MissingRequiredColumn_Throws()
    {
        Assert.Throws<InvalidDataException>(() => CsvReplayReader.Read(new StringReader("model,id\nm,1\n")).ToList());
    }
}
