using System.CommandLine;

namespace ShadowProxy.Gateway.Commands;

/// <summary>`shadowproxy report --admin-url URL`: the drift table of a running gateway.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var report = new Command("report", "Print the drift table of a running gateway from its admin API.");
        report.SetAction(_ =>
        {
            Console.Error.WriteLine("report: not available in this build yet.");
            return ExitCodes.Failure;
        });
        return report;
    }
}
