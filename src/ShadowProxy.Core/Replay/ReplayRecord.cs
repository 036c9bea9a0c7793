namespace ShadowProxy.Core.Replay;

/// <summary>One model's answer to one query, from a recorded evaluation.</summary>
internal sealed record ReplayRecord
{
    public required string Model { get; init; }

    public required string Id { get; init; }

    public string Query { get; init; } = string.Empty;

    public string Answer { get; init; } = string.Empty;

    /// <summary>The ground truth, when the task has one.</summary>
    public string? RefAnswer { get; init; }

    public double? LatencySeconds { get; init; }
}
