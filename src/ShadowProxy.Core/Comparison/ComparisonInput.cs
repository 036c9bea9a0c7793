using ShadowProxy.Core.Normalization;

namespace ShadowProxy.Core.Comparison;

internal sealed record ComparisonInput
{
    public required RequestFacts Request { get; init; }

    public required NormalizedResponse Baseline { get; init; }

    public required NormalizedResponse Primary { get; init; }

    public SideTimings? BaselineTimings { get; init; }

    public SideTimings? PrimaryTimings { get; init; }

    public ComparisonProfile Profile { get; init; } = ComparisonProfile.Auto;
}
