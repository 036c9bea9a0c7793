using System.CommandLine;
using System.Text.Json;
using ShadowProxy.Yarp.Admin;

namespace ShadowProxy.Gateway.Commands;

/// <summary>`shadowproxy drift accept --admin-url URL --route R [--metric M] [--reason TEXT]`: re-base after a real change.</summary>
internal static class DriftCommand
{
    private static readonly Option<string> RouteOption = new("--route") { Description = "The route whose change is accepted.", Required = true };
    private static readonly Option<string?> MetricOption = new("--metric") { Description = "Only this metric (default: every metric of the route)." };
    private static readonly Option<string?> ReasonOption = new("--reason") { Description = "Why, for the audit trail (e.g. the change ticket)." };

    public static Command Create()
    {
        var accept = new Command("accept", "Accept a real, acknowledged change: the route's alerts clear and monitoring continues against the new behaviour.");
        AdminConnection.AddTo(accept);
        accept.Options.Add(RouteOption);
        accept.Options.Add(MetricOption);
        accept.Options.Add(ReasonOption);
        accept.SetAction((parseResult, cancellationToken) => AcceptAsync(parseResult, Console.Out, cancellationToken));
        var drift = new Command("drift", "Act on a running gateway's drift state.");
        drift.Subcommands.Add(accept);
        return drift;
    }

    internal static async Task<int> AcceptAsync(ParseResult parseResult, TextWriter output, CancellationToken cancellationToken)
    {
        using var client = AdminConnection.CreateClient(parseResult);
        var request = new DriftAcceptRequest(parseResult.GetValue(RouteOption), parseResult.GetValue(MetricOption), Environment.UserName, parseResult.GetValue(ReasonOption));
        try
        {
            using var response = await client.PostAsJsonAsync("admin/api/drift/accept", request, AdminJsonContext.Default.DriftAcceptRequest, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                var error = await response.Content.ReadFromJsonAsync(AdminJsonContext.Default.ApiError, cancellationToken);
                await Console.Error.WriteLineAsync($"drift accept: {(int)response.StatusCode} {error?.Error}");
                return ExitCodes.Failure;
            }

            var accepted = await response.Content.ReadFromJsonAsync(AdminJsonContext.Default.DriftAcceptResponse, cancellationToken)
                ?? throw new JsonException("empty accept response");
            foreach (var key in accepted.Keys)
            {
                await output.WriteLineAsync($"accepted on route {accepted.Route}: {key.PrimaryModel} vs pinned {key.BaselineModel} ({string.Join(", ", key.Acceptance.Metrics)}); re-learning its reference");
            }

            return ExitCodes.Success;
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or TaskCanceledException)
        {
            await Console.Error.WriteLineAsync($"drift accept: could not reach {client.BaseAddress}admin/api/drift/accept: {e.Message}");
            return ExitCodes.Failure;
        }
    }
}
