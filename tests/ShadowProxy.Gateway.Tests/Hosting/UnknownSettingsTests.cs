using System.Text.RegularExpressions;
using ShadowProxy.Gateway.Hosting;
using ShadowProxy.Gateway.Tests.Infrastructure;
using ShadowProxy.Yarp.Hosting;
using ShadowProxy.Yarp.Hosting.Configuration;

namespace ShadowProxy.Gateway.Tests.Hosting;

public sealed partial class UnknownSettingsTests
{
    [Theory]
    [InlineData("Evidence:TtlDays", "did you mean Evidence:Ttl?")]
    [InlineData("Shadowing:Routes:openai:SampleRat", "did you mean Shadowing:Routes:openai:SampleRate?")]
    [InlineData("Shadowing:Routes:openai:Baseline:Modle", "did you mean Shadowing:Routes:openai:Baseline:Model?")]
    [InlineData("Shadowing:Routes:openai:Budget:TokensPerDya", "did you mean Shadowing:Routes:openai:Budget:TokensPerDay?")]
    [InlineData("Drift:FalseDriftIntervl", "did you mean Drift:FalseDriftInterval?")]
    [InlineData("Comparison:Profiles:mcq:Extracter", "did you mean Comparison:Profiles:mcq:Extractor?")]
    [InlineData("Comparison:Prices:gpt-4o:InputPerMilion", "did you mean Comparison:Prices:gpt-4o:InputPerMillion?")]
    [InlineData("Comparison:Judge:Enable", "did you mean Comparison:Judge:Enabled?")]
    [InlineData("Probes:Routes:openai:Intervall", "did you mean Probes:Routes:openai:Interval?")]
    [InlineData("Telemetry:MaxModelLabel", "did you mean Telemetry:MaxModelLabels?")]
    [InlineData("Redis:KeyPrefx", "did you mean Redis:KeyPrefix?")]
    [InlineData("Evidense:Ttl", "Evidense: unknown section; did you mean Evidence?")]
    public void MisspeltSetting_RefusesToStartNamingItAndTheNearestRealKey(string key, string suggestion)
    {
        var error = Assert.Throws<GatewayConfigurationException>(() => Build(new() { [key] = "1" }));

        var problem = Assert.Single(error.Errors, e => e.Contains("unknown", StringComparison.Ordinal));
        Assert.StartsWith(key.Split(':')[0], problem, StringComparison.Ordinal);
        Assert.Contains(suggestion, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownSettingWithNoCloseName_ListsTheSectionsRealKeys()
    {
        var error = Assert.Throws<GatewayConfigurationException>(() => Build(new()
        {
            ["Shadowing:Routes:openai:Baseline:Region"] = "eu",
            ["Shadowing:Routes:openai:Baseline:Address"] = "http://127.0.0.1:1/",
            ["Shadowing:Routes:openai:Baseline:Model"] = "pinned",
        }));

        Assert.Equal(
            "Shadowing:Routes:openai:Baseline:Region: unknown setting; Shadowing:Routes:openai:Baseline has Address, ApiKey, ApiKeyHeader, "
            + "BreakFailureRatio, Deployment, ForwardClientCredentials, Headers, MaxChoices, MaxConcurrency, MaxOutputTokens, Model, Provider, Store, Timeout.",
            Assert.Single(error.Errors));
    }

    [Fact]
    public void KeysOwnedByOthers_AndTheProcessEnvironment_AreLeftAlone()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ReverseProxy:Routes:openai:Metadata:team"] = "search",
            ["ReverseProxy:Clusters:openai:HttpRequest:Version"] = "2",
            ["Logging:LogLevel:Yarp"] = "Debug",
            ["Kestrel:Limits:MaxConcurrentConnections"] = "100",
            ["AllowedHosts"] = "*",
            ["Evidense"] = "an environment variable, not a section",
            ["PATH"] = "/usr/bin",
            ["Shadowing:Routes:My-Route:SampleRate"] = "0.5",
            ["Comparison:Prices:any model name:OutputPerMillion"] = "10",
            ["Evidence:RedactPatterns:3"] = "secret-[0-9]+",
        }).Build();

        Assert.Empty(KnownSettings.FindUnknown(configuration));
    }

    /// <summary>
    /// The README's configuration table is the user's list of settings: every key it names must be one the gateway
    /// accepts (a renamed property without a README change, or a documented key that does not exist, fails here).
    /// </summary>
    [Fact]
    public void EveryKeyInTheReadmesConfigurationTable_IsAKnownSetting()
    {
        var keys = ReadmeConfigurationKeys().ToList();
        Assert.True(keys.Count > 50, $"only {keys.Count} keys parsed from the README table");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(keys.Select(static k => KeyValuePair.Create(k, (string?)"x"))).Build();

        Assert.Empty(KnownSettings.FindUnknown(configuration));
    }

    private static IEnumerable<string> ReadmeConfigurationKeys()
    {
        var readme = File.ReadAllLines(Path.Combine(RepoPaths.Root, "README.md"));
        var table = readme.SkipWhile(static l => !l.StartsWith("| key | default | meaning |", StringComparison.Ordinal)).Skip(2).TakeWhile(static l => l.StartsWith('|'));
        foreach (var row in table)
        {
            var firstColumn = row.Split(" | ")[0].TrimStart('|', ' ');
            string? section = null;
            foreach (Match code in Backticked().Matches(firstColumn))
            {
                var text = code.Groups[1].Value.Replace("…:", "Shadowing:Routes:{route}:", StringComparison.Ordinal);
                if (text is "ReverseProxy" || text.Contains("OTEL_", StringComparison.Ordinal) || text.Contains('…', StringComparison.Ordinal))
                {
                    continue; // YARP's section, an environment variable, and "{…same keys…}" prose: not keys to check.
                }

                // "`Shadowing:QueueCapacity` / `Workers`": a bare name continues the previous key's section.
                text = text.Contains(':', StringComparison.Ordinal) || section is null ? text : $"{section}:{text}";
                section = text[..text.LastIndexOf(':')];
                foreach (var key in Expand(text))
                {
                    yield return key;
                }
            }
        }
    }

    /// <summary>`A:{B,C}:D` → `A:B:D`, `A:C:D`; `{route}`-style placeholders (one word) become a sample name.</summary>
    private static IEnumerable<string> Expand(string key)
    {
        var match = Braces().Match(key);
        if (!match.Success)
        {
            yield return key;
            yield break;
        }

        var choices = match.Groups[1].Value.Split(',');
        var placeholder = choices.Length == 1 && !char.IsUpper(choices[0][0]);
        foreach (var choice in placeholder ? ["sample"] : choices)
        {
            foreach (var expanded in Expand(string.Concat(key.AsSpan(0, match.Index), choice, key.AsSpan(match.Index + match.Length))))
            {
                yield return expanded;
            }
        }
    }

    private static GatewayApp Build(Dictionary<string, string?> overrides)
    {
        overrides["Listeners:Proxy"] = "http://127.0.0.1:0";
        overrides["Listeners:Admin"] = "http://127.0.0.1:0";
        return GatewayHost.Build(new GatewayHostSettings { Overrides = overrides });
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Backticked();

    [GeneratedRegex(@"\{([^{}]+)\}")]
    private static partial Regex Braces();
}
