namespace ShadowProxy.Core.Normalization;

/// <summary>A function/tool call the model asked for; <see cref="Arguments"/> is the raw JSON text the provider sent.</summary>
internal sealed record NormalizedToolCall
{
    public string? Id { get; init; }

    public required string Name { get; init; }

    public required string Arguments { get; init; }
}
