using ShadowProxy.Core.Drift.Tracking;

namespace ShadowProxy.Yarp.Admin;

/// <summary>The drift metric catalogue as the explorer reads it, so the page names no metric itself.</summary>
internal sealed record MetricCatalogueResponse(IReadOnlyList<MetricDefinitionDto> Metrics)
{
    public static MetricCatalogueResponse Current { get; } = new(
        [.. DriftMetricCatalogue.All.Select(static d => new MetricDefinitionDto(d.Name, d.Title, d.Description, d.Unit, d.Kind.ToString(), d.Test, d.HigherIsWorse))]);
}

internal sealed record MetricDefinitionDto(string Name, string Title, string Description, string Unit, string Kind, string Test, bool? HigherIsWorse);
