using ShadowProxy.LoadBench.Load;

namespace ShadowProxy.LoadBench.Compare;

/// <summary>Raw figures of one round, kept whole in the JSON report.</summary>
internal sealed record SaturationMeasurement(string System, int Round, SaturationResult Result, double PeakRssMiB);

/// <summary>Two systems saturated at the same time, each by its own wrk: the machine's drift hits both alike.</summary>
internal sealed record SideBySideMeasurement(string System, string Reference, int Round, SaturationResult SystemResult, SaturationResult ReferenceResult)
{
    public double Ratio => SystemResult.RequestsPerSecond / ReferenceResult.RequestsPerSecond;
}

internal sealed record StageMeasurement(string System, int Round, StageResult Result);

internal sealed record MemoryMeasurement(string System, int Round, double PeakRssMiB);
