using ShadowProxy.Core.Normalization;

namespace ShadowProxy.Core.Comparison;

/// <summary>
/// How two sides' tool calls compare. Names compare as a set, so parallel calls in another order agree;
/// arguments compare as canonical JSON per call, matched by name, so <c>{"n":1}</c> and <c>{ "n": 1.0 }</c> agree.
/// </summary>
internal static class ToolCallComparison
{
    /// <summary>Null unless both sides called tools.</summary>
    public static bool? NamesEqual(IReadOnlyList<NormalizedToolCall> baseline, IReadOnlyList<NormalizedToolCall> primary) =>
        baseline.Count == 0 || primary.Count == 0 ? null : NameSet(baseline).SetEquals(NameSet(primary));

    /// <summary>Null unless both sides called the same set of tools.</summary>
    public static bool? ArgumentsEqual(IReadOnlyList<NormalizedToolCall> baseline, IReadOnlyList<NormalizedToolCall> primary) =>
        NamesEqual(baseline, primary) == true
            ? string.Equals(ToolCallSignature.Of(baseline), ToolCallSignature.Of(primary), StringComparison.Ordinal)
            : null;

    private static HashSet<string> NameSet(IReadOnlyList<NormalizedToolCall> calls) =>
        calls.Select(static c => c.Name).ToHashSet(StringComparer.Ordinal);
}
