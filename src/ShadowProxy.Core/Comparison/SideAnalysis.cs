namespace ShadowProxy.Core.Comparison;

/// <summary>One side's facts plus the intermediate results pair metrics need.</summary>
internal sealed record SideAnalysis(SideFacts Facts, string Text, HashSet<string>? JsonKeyPaths)
{
    public bool HasText => Text.Length > 0;
}
