using System.CommandLine;
using ShadowProxy.Gateway.Hosting;
using ShadowProxy.Yarp.Hosting;

namespace ShadowProxy.Gateway.Commands;

/// <summary>`shadowproxy serve --config file.json [--Key=Value ...]`: run the gateway until stopped.</summary>
internal static class ServeCommand
{
    public static readonly Option<FileInfo?> ConfigOption = new("--config")
    {
        Description = "A JSON file merged over appsettings.json (environment variables and --Key=Value still override it).",
    };

    public static readonly Option<GatewayRole> RoleOption = new("--role")
    {
        Description = "gateway (proxy and enqueue), worker (call baselines and compare) or all. Split roles share work through Redis.",
        DefaultValueFactory = _ => GatewayRole.All,
    };

    public static Command Create()
    {
        var serve = new Command("serve", "Run the gateway (the default command).");
        Configure(serve);
        return serve;
    }

    public static void Configure(Command command)
    {
        AddOptions(command);
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, cancellationToken));
    }

    /// <summary>`--config`, `--role` and `--Section:Key=Value` settings, as `serve` takes them.</summary>
    internal static void AddOptions(Command command)
    {
        command.Options.Add(ConfigOption);
        command.Options.Add(RoleOption);
        command.TreatUnmatchedTokensAsErrors = false;
    }

    /// <summary>The host settings `serve` (and `config check`) parse from the command line.</summary>
    internal static GatewayHostSettings Settings(ParseResult parseResult) => new()
    {
        Args = [.. parseResult.UnmatchedTokens],
        ConfigFile = parseResult.GetValue(ConfigOption)?.FullName,
        Role = parseResult.GetValue(RoleOption),
    };

    /// <summary>Tokens that are neither this command's options nor `--Section:Key=Value` settings.</summary>
    internal static IReadOnlyList<string> UnknownArguments(ParseResult parseResult) =>
        CommandLineSettings.FindUnknown(parseResult.UnmatchedTokens, [ConfigOption.Name, RoleOption.Name]);

    private static async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        GatewayApp gateway;
        try
        {
            var unknown = UnknownArguments(parseResult);
            if (unknown.Count > 0)
            {
                throw new GatewayConfigurationException(unknown);
            }

            gateway = GatewayHost.Build(Settings(parseResult));
        }
        catch (GatewayConfigurationException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return ExitCodes.InvalidConfiguration;
        }

        await using (gateway)
        {
            await gateway.RunAsync(cancellationToken);
        }

        return ExitCodes.Success;
    }
}
