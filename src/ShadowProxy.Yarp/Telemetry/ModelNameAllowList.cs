using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ShadowProxy.Yarp.Telemetry;

/// <summary>
/// Keeps metric label cardinality bounded: a served model name becomes a label only when it matches the allow-list
/// (`Telemetry:ModelAllowList`, entries ending in `*` match a prefix) or is a configured baseline model, and, for
/// prefix matches, only while fewer than `Telemetry:MaxModelLabels` distinct names have been seen; else `other`.
/// A client can name any `gpt-…` model it likes, so an allowed prefix alone is no bound.
/// </summary>
internal sealed class ModelNameAllowList
{
    public const string Other = "other";
    private const int MaxLabelLength = 64;

    private readonly ConcurrentDictionary<string, string> _seen = new(StringComparer.OrdinalIgnoreCase);
    private readonly int _maxLabels;
    private int _seenCount;

    private static readonly string[] DefaultPatterns =
    [
        "gpt-*", "chatgpt-*", "o1*", "o3*", "o4*", "text-embedding-*", "claude-*", "gemini-*", "llama*", "mistral*", "gpt-sim-*",
    ];

    private readonly string[] _exact;
    private readonly string[] _prefixes;

    public ModelNameAllowList(IOptions<TelemetryOptions> telemetry, IConfiguration configuration)
    {
        var options = telemetry.Value;
        var configured = options.ModelAllowList?.ToArray() ?? DefaultPatterns;
        var baselines = configuration.GetSection("Shadowing:Routes").GetChildren().Select(r => r["Baseline:Model"]).OfType<string>();
        var patterns = configured.Concat(baselines).ToArray();
        _exact = [.. patterns.Where(p => !p.EndsWith('*'))];
        _prefixes = [.. patterns.Where(p => p.EndsWith('*')).Select(p => p[..^1])];
        _maxLabels = options.MaxModelLabels;
    }

    public string Label(string? model)
    {
        if (string.IsNullOrEmpty(model) || model.Length > MaxLabelLength)
        {
            return Other;
        }

        if (_exact.Contains(model, StringComparer.OrdinalIgnoreCase))
        {
            return model;
        }

        if (!_prefixes.Any(p => model.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
        {
            return Other;
        }

        // The first names seen keep their label for the life of the process; a racing overshoot of a few is harmless.
        if (_seen.TryGetValue(model, out var label))
        {
            return label;
        }

        // A counter, not _seen.Count (which takes every lock): once full, each unknown name costs one read.
        if (Volatile.Read(ref _seenCount) >= _maxLabels)
        {
            return Other;
        }

        if (_seen.TryAdd(model, model))
        {
            Interlocked.Increment(ref _seenCount);
            return model;
        }

        return _seen.TryGetValue(model, out label) ? label : Other;
    }
}
