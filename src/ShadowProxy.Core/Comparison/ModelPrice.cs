namespace ShadowProxy.Core.Comparison;

/// <summary>USD per one million input and output tokens.</summary>
internal sealed record ModelPrice(decimal InputPerMillion, decimal OutputPerMillion);
