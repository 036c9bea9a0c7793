using System.CommandLine;
using ShadowProxy.Gateway.Hosting;

namespace ShadowProxy.Gateway.Commands;

/// <summary>`shadowproxy serve --config file.json [--Key=Value ...]`: run the gateway until stopped.</summary>
internal static class ServeCommand
{
    public static readonly Option<FileInfo?> ConfigOption = new("--config")
    {
        Description = "A JSON file merged over appsettings.json (environment variables and --Key=Value still override it).",
    };

    public static Command Create()
    {
        var serve = new Command("serve", "Run the gateway (the default command).");
        Configure(serve);
        return serve;
    }

    public static void Configure(Command command)
    {
        command.Options.Add(ConfigOption);
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, cancellationToken));
    }

    private static async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        GatewayApp gateway;
        try
        {
            gateway = GatewayHost.Build(new GatewayHostSettings
            {
                Args = [.. parseResult.UnmatchedTokens],
                ConfigFile = parseResult.GetValue(ConfigOption)?.FullName,
            });
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
