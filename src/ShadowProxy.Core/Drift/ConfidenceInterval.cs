namespace ShadowProxy.Core.Drift;

internal readonly record struct ConfidenceInterval(double Low, double High);
