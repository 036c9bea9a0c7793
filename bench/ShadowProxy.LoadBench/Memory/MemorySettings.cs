using ShadowProxy.LoadBench.Harness;

namespace ShadowProxy.LoadBench.Memory;

/// <summary>`memory` options: how hard each phase pushes, and the byte budget given to the gateway.</summary>
internal sealed record MemorySettings(
    TimeSpan HungPhase, int HungClients, int LargeAnswerBytes, int StreamRounds, int StreamsPerRound, int StreamBytes, TimeSpan StreamDuration,
    long MaxBufferedBytes, string Output)
{
    public static MemorySettings From(BenchArguments arguments)
    {
        var settings = new MemorySettings(
            TimeSpan.FromSeconds(arguments.Number("--hung-seconds", 60)),
            (int)arguments.Number("--hung-clients", 64),
            (int)(arguments.Number("--answer-mib", 3) * 1024 * 1024),
            (int)arguments.Number("--rounds", 3),
            (int)arguments.Number("--streams", 200),
            (int)(arguments.Number("--stream-mib", 1) * 1024 * 1024),
            TimeSpan.FromSeconds(arguments.Number("--stream-seconds", 5)),
            (long)(arguments.Number("--max-buffered-mib", 256) * 1024 * 1024),
            arguments.Text("--out") ?? Path.Combine("bench", "results", "memory"));
        arguments.RejectUnknown();
        return settings;
    }
}
