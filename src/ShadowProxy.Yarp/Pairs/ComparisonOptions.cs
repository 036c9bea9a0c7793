using ShadowProxy.Core.Comparison;
using ShadowProxy.Yarp.Pairs.Judging;

namespace ShadowProxy.Yarp.Pairs;

/// <summary>The `Comparison` section: how pairs are judged, named extraction profiles and model prices.</summary>
internal sealed record ComparisonOptions
{
    public const string Section = "Comparison";

    public JudgeOptions Judge { get; init; } = new();

    public JudgeOptions Embeddings { get; init; } = new();

    /// <summary>Named profiles a route's `ComparisonProfile` can pick; `auto` always exists.</summary>
    public Dictionary<string, ComparisonProfileOptions> Profiles { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>USD per million tokens, by model name or prefix.</summary>
    public Dictionary<string, ModelPriceOptions> Prices { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Regular expressions counted as refusals besides the built-in phrases.</summary>
    public List<string> RefusalPatterns { get; init; } = [];
}

/// <summary>`Comparison:Profiles:{name}`.</summary>
internal sealed record ComparisonProfileOptions
{
    public AnswerExtractorKind Extractor { get; init; } = AnswerExtractorKind.Auto;

    /// <summary>Where the answer is in a JSON reply (with the `JsonPath` extractor), e.g. `$.answer`.</summary>
    public string? JsonPath { get; init; }
}

/// <summary>`Comparison:Prices:{model}`.</summary>
internal sealed record ModelPriceOptions
{
    public decimal InputPerMillion { get; init; }

    public decimal OutputPerMillion { get; init; }
}
