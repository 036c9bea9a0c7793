namespace ShadowProxy.Yarp.Telemetry;

/// <summary>Bucket boundaries per histogram, shared by the Prometheus export and OpenTelemetry advice.</summary>
internal static class HistogramBuckets
{
    /// <summary>From the OpenTelemetry GenAI semantic conventions for gen_ai.client.operation.duration.</summary>
    public static readonly double[] GenAiDuration = [0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92];

    /// <summary>From the OpenTelemetry GenAI semantic conventions for gen_ai.client.token.usage.</summary>
    public static readonly double[] GenAiTokens = [1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864];

    public static readonly double[] RequestSeconds = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600];

    public static readonly double[] LengthLogRatio = [-5, -4, -3, -2, -1.5, -1, -0.5, -0.25, -0.1, 0.1, 0.25, 0.5, 1, 1.5, 2, 3, 4, 5];

    public static readonly double[] Similarity = [0, 0.25, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.98, 0.99, 1];

    public static readonly double[] Chars = [1, 4, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 65536];

    public static double[] For(string instrumentName) => instrumentName switch
    {
        MetricNames.GenAiOperationDuration => GenAiDuration,
        MetricNames.GenAiTokenUsage => GenAiTokens,
        MetricNames.LengthLogRatio => LengthLogRatio,
        MetricNames.ResponseLengthChars => Chars,
        MetricNames.EmbeddingSimilarity or MetricNames.AnswerSimilarity => Similarity,
        _ => RequestSeconds,
    };
}
