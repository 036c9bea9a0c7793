using ShadowProxy.Yarp.Hosting.Configuration;

namespace ShadowProxy.Gateway.Hosting;

/// <summary>
/// The tokens `serve` passes on as configuration (`--Section:Key=Value`, `--Section:Key Value`). Every gateway
/// setting lives in a section, so a token without a section path is a mistyped option, not a setting: `--confg x`
/// would otherwise start a plain proxy without the user's file.
/// </summary>
internal static class CommandLineSettings
{
    /// <summary>Top-level keys the ASP.NET host itself reads.</summary>
    private static readonly string[] HostKeys = ["environment", "applicationName", "shutdownTimeoutSeconds"];

    public static IReadOnlyList<string> FindUnknown(IReadOnlyList<string> tokens, IReadOnlyCollection<string> options)
    {
        var errors = new List<string>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var prefix = token.StartsWith("--", StringComparison.Ordinal) ? 2 : token.StartsWith('/') ? 1 : 0;
            var separator = token.IndexOf('=', StringComparison.Ordinal);
            var key = separator < 0 ? token[prefix..] : token[prefix..separator];
            if (prefix == 0 && separator < 0)
            {
                errors.Add($"'{token}': unexpected argument; settings are given as --Section:Key=Value.");
                continue;
            }

            if (separator < 0 && prefix > 0)
            {
                i++; // `--key value`: the next token is this key's value.
            }

            if (key.Contains(':', StringComparison.Ordinal) || HostKeys.Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            var near = NearestName.Find("--" + key, options);
            errors.Add(near is null
                ? $"--{key}: unknown option; settings are given with their section, e.g. --Evidence:Ttl=3.00:00:00."
                : $"--{key}: unknown option; did you mean {near}?");
        }

        return errors;
    }
}
