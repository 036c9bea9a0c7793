namespace ShadowProxy.Gateway.Telemetry;

/// <summary>
/// Keeps metric label cardinality bounded: a served model name becomes a label only when it matches the allow-list
/// (`Telemetry:ModelAllowList`, entries ending in `*` match a prefix) or is a configured baseline model; else `other`.
/// </summary>
internal sealed class ModelNameAllowList
{
    public const string Other = "other";
    private const int MaxLabelLength = 64;

    private static readonly string[] DefaultPatterns =
    [
        "gpt-*", "chatgpt-*", "o1*", "o3*", "o4*", "text-embedding-*", "claude-*", "gemini-*", "llama*", "mistral*", "gpt-sim-*",
    ];

    private readonly string[] _exact;
    private readonly string[] _prefixes;

    public ModelNameAllowList(IConfiguration configuration)
    {
        var configured = configuration.GetSection("Telemetry:ModelAllowList").Get<string[]>() ?? DefaultPatterns;
        var baselines = configuration.GetSection("Shadowing:Routes").GetChildren().Select(r => r["Baseline:Model"]).OfType<string>();
        var patterns = configured.Concat(baselines).ToArray();
        _exact = [.. patterns.Where(p => !p.EndsWith('*'))];
        _prefixes = [.. patterns.Where(p => p.EndsWith('*')).Select(p => p[..^1])];
    }

    public string Label(string? model)
    {
        if (string.IsNullOrEmpty(model) || model.Length > MaxLabelLength)
        {
            return Other;
        }

        var allowed = _exact.Contains(model, StringComparer.OrdinalIgnoreCase)
            || _prefixes.Any(p => model.StartsWith(p, StringComparison.OrdinalIgnoreCase));
        return allowed ? model : Other;
    }
}
