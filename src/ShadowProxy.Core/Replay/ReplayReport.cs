namespace ShadowProxy.Core.Replay;

internal sealed record ReplayReport
{
    public required string Baseline { get; init; }

    public required string Primary { get; init; }

    public int Pairs { get; init; }

    public int UnpairedRecords { get; init; }

    public string Profile { get; init; } = "auto";

    public IReadOnlyList<ReplayMetric> Metrics { get; init; } = [];

    public ReplayMetric? Metric(string name) => Metrics.FirstOrDefault(m => m.Name == name);
}
