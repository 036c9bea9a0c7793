using System.CommandLine;
using System.Net;
using System.Text.Json;
using ShadowProxy.Core.Replay;
using ShadowProxy.Yarp.Admin;

namespace ShadowProxy.Gateway.Commands;

/// <summary>`shadowproxy report --admin-url URL`: the drift table of a running gateway, in the same shape as `replay`.</summary>
internal static class ReportCommand
{
    private static readonly Option<string?> RouteOption = new("--route") { Description = "Only this route." };
    private static readonly Option<ReplayReportFormat> FormatOption = new("--format") { Description = "table, json or markdown.", DefaultValueFactory = _ => ReplayReportFormat.Table };
    private static readonly Option<string> FailOn = FailOnOption.Create();

    public static Command Create()
    {
        var report = new Command("report", "Print the drift table of a running gateway from its admin API.");
        AdminConnection.AddTo(report);
        report.Options.Add(RouteOption);
        report.Options.Add(FormatOption);
        report.Options.Add(FailOn);
        report.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, Console.Out, cancellationToken));
        return report;
    }

    internal static async Task<int> RunAsync(ParseResult parseResult, TextWriter output, CancellationToken cancellationToken)
    {
        using var client = AdminConnection.CreateClient(parseResult);

        DriftResponse drift;
        try
        {
            using var response = await client.GetAsync("admin/api/drift?refresh=true", cancellationToken);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                await Console.Error.WriteLineAsync("report: the admin API refused the request (401); pass --token or set SHADOWPROXY_ADMIN_TOKEN.");
                return ExitCodes.Failure;
            }

            response.EnsureSuccessStatusCode();
            drift = JsonSerializer.Deserialize(await response.Content.ReadAsStreamAsync(cancellationToken), AdminJsonContext.Default.DriftResponse)
                ?? throw new JsonException("empty drift response");
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or TaskCanceledException)
        {
            await Console.Error.WriteLineAsync($"report: could not read {client.BaseAddress}admin/api/drift: {e.Message}");
            return ExitCodes.Failure;
        }

        var route = parseResult.GetValue(RouteOption);
        var reports = drift.Routes.Where(r => route is null || r.Route == route).Select(LiveDriftReport.From).ToList();
        if (reports.Count == 0)
        {
            await Console.Error.WriteLineAsync(route is null ? "report: the gateway has compared no pairs yet." : $"report: no pairs for route '{route}' yet.");
            return ExitCodes.Failure;
        }

        var format = parseResult.GetValue(FormatOption);
        var rendered = reports.Select(r => ReplayReportWriter.Render(r, format).TrimEnd());
        await output.WriteLineAsync(format == ReplayReportFormat.Json ? "[" + string.Join(",\n", rendered) + "]" : string.Join("\n\n", rendered));
        return FailOnOption.ExitCode(parseResult.GetValue(FailOn)!, reports);
    }
}
