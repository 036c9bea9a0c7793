using System.CommandLine;
using ShadowProxy.Gateway.Hosting;

namespace ShadowProxy.Gateway.Commands;

/// <summary>
/// `shadowproxy config check [--config f] [--role r] [--Section:Key=Value ...]`: every problem `serve` would refuse
/// to start with, without starting; exit 0 or 2. The chart's checks run it on every rendered gateway.json.
/// </summary>
internal static class ConfigCommand
{
    public static Command Create()
    {
        var check = new Command("check", "Check a configuration as `serve` would read it (same options and precedence) and list every problem.");
        ServeCommand.AddOptions(check);
        check.SetAction((parseResult, _) => Task.FromResult(Check(parseResult, Console.Out, Console.Error)));
        var config = new Command("config", "Work with the gateway's configuration.");
        config.Subcommands.Add(check);
        return config;
    }

    internal static int Check(ParseResult parseResult, TextWriter output, TextWriter errors)
    {
        var settings = ServeCommand.Settings(parseResult);
        var problems = ServeCommand.UnknownArguments(parseResult).Concat(GatewayHost.Check(settings)).ToList();
        var source = settings.ConfigFile ?? "the built-in defaults";
        if (problems.Count == 0)
        {
            output.WriteLine($"config check: {source} is valid for --role {settings.Role.ToString().ToLowerInvariant()}.");
            return ExitCodes.Success;
        }

        errors.WriteLine($"config check: {source} has {problems.Count} problem(s):");
        foreach (var problem in problems)
        {
            errors.WriteLine($"  {problem}");
        }

        return ExitCodes.InvalidConfiguration;
    }
}
