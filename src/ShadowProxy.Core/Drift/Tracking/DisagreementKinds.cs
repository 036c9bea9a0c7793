namespace ShadowProxy.Core.Drift.Tracking;

internal static class DisagreementKinds
{
    public static IReadOnlyList<DisagreementKind> All { get; } = Enum.GetValues<DisagreementKind>();

    /// <summary>The metric name, also part of stored field names, so it must never change once released.</summary>
    public static string MetricName(DisagreementKind kind) => kind switch
    {
        DisagreementKind.Answer => DriftMetricNames.AnswerDisagreement,
        DisagreementKind.ToolName => DriftMetricNames.ToolNameDisagreement,
        DisagreementKind.ToolArguments => DriftMetricNames.ToolArgumentsDisagreement,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
