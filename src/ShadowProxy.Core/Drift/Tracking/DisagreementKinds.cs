namespace ShadowProxy.Core.Drift.Tracking;

internal static class DisagreementKinds
{
    private static readonly Dictionary<string, DisagreementKind> ByName =
        Enum.GetValues<DisagreementKind>().ToDictionary(MetricName, StringComparer.Ordinal);

    public static IReadOnlyList<DisagreementKind> All { get; } = Enum.GetValues<DisagreementKind>();

    public static bool TryParse(string metricName, out DisagreementKind kind) => ByName.TryGetValue(metricName, out kind);

    /// <summary>The metric name, also part of stored field names, so it must never change once released.</summary>
    public static string MetricName(DisagreementKind kind) => kind switch
    {
        DisagreementKind.Answer => DriftMetricNames.AnswerDisagreement,
        DisagreementKind.ToolName => DriftMetricNames.ToolNameDisagreement,
        DisagreementKind.ToolArguments => DriftMetricNames.ToolArgumentsDisagreement,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
