using Microsoft.Extensions.Configuration.Json;
using ShadowProxy.Yarp.Hosting;

namespace ShadowProxy.Gateway.Hosting;

internal static class ConfigFileSource
{
    /// <summary>
    /// Adds the `--config` file right after the appsettings files, so it overrides them while environment variables
    /// and `--Key=Value` arguments still override it (the usual ASP.NET precedence).
    /// </summary>
    public static void Insert(ConfigurationManager configuration, string? path)
    {
        if (path is null)
        {
            return;
        }

        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new GatewayConfigurationException([$"--config: the file '{fullPath}' does not exist."]);
        }

        var sources = configuration.Sources;
        var lastJson = sources.Select((s, i) => (s, i)).LastOrDefault(p => p.s is JsonConfigurationSource).i;
        var source = new JsonConfigurationSource { Path = Path.GetFileName(fullPath), Optional = false, ReloadOnChange = true };
        source.FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(Path.GetDirectoryName(fullPath)!);
        try
        {
            sources.Insert(lastJson + 1, source);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException)
        {
            throw new GatewayConfigurationException([$"--config: '{fullPath}' is not a valid JSON configuration file ({(e.InnerException ?? e).Message})"]);
        }
    }
}
