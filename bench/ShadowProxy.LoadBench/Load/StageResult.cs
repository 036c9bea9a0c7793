namespace ShadowProxy.LoadBench.Load;

/// <summary>What one fixed-rate stage measured against one system.</summary>
internal sealed record StageResult(
    string Stage, double Rate, int Sent, int Failed, LatencyStats Latency, double? CpuMsPerRequest,
    LatencyStats? TimeToFirstToken = null, LatencyStats? ChunkGap = null, double ChunksPerStream = 0);
