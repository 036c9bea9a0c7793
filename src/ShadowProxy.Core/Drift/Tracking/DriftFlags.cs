namespace ShadowProxy.Core.Drift.Tracking;

internal static class DriftFlags
{
    private static readonly Dictionary<string, DriftFlag> ByName =
        Enum.GetValues<DriftFlag>().ToDictionary(MetricName, StringComparer.Ordinal);

    public static IReadOnlyList<DriftFlag> All { get; } = Enum.GetValues<DriftFlag>();

    public static bool TryParse(string metricName, out DriftFlag flag) => ByName.TryGetValue(metricName, out flag);

    /// <summary>The metric name, also used in store field names, so it must never change once released.</summary>
    public static string MetricName(DriftFlag flag) => flag switch
    {
        DriftFlag.JsonValid => DriftMetricNames.JsonValid,
        DriftFlag.SchemaValid => DriftMetricNames.SchemaValid,
        DriftFlag.AnswerExtracted => DriftMetricNames.AnswerExtracted,
        DriftFlag.Refusal => DriftMetricNames.Refusal,
        DriftFlag.CodeFenced => DriftMetricNames.CodeFenced,
        DriftFlag.Truncated => DriftMetricNames.Truncated,
        DriftFlag.ToolCalled => DriftMetricNames.ToolCalled,
        DriftFlag.ParallelToolCalls => DriftMetricNames.ParallelToolCalls,
        _ => throw new ArgumentOutOfRangeException(nameof(flag), flag, null),
    };
}
