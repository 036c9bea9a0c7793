using System.CommandLine;
using ShadowProxy.Core.Replay;

namespace ShadowProxy.Gateway.Commands;

/// <summary>`--fail-on none|drift` for `replay` and `report`, so a pipeline can gate a rollout on the verdict.</summary>
internal static class FailOnOption
{
    public const string None = "none";
    public const string Drift = "drift";

    public static Option<string> Create()
    {
        var option = new Option<string>("--fail-on")
        {
            Description = $"'{Drift}': exit {ExitCodes.DriftFound} when any metric is in drift (after the report is printed); '{None}' (default): exit 0.",
            DefaultValueFactory = _ => None,
        };
        option.AcceptOnlyFromAmong(None, Drift);
        return option;
    }

    public static int ExitCode(string failOn, IEnumerable<ReplayReport> reports) =>
        failOn == Drift && reports.Any(r => r.Metrics.Any(m => m.Drift)) ? ExitCodes.DriftFound : ExitCodes.Success;
}
