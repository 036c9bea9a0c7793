namespace ShadowProxy.LoadBench.Compare;

/// <summary>One of the targets, with what this run measured against it.</summary>
internal sealed record Goal(string Name, string Measured, string Target, bool Met);
