using ShadowProxy.LoadBench.Load;

namespace ShadowProxy.LoadBench.Compare;

/// <summary>Raw figures of one round, kept whole in the JSON report.</summary>
internal sealed record SaturationMeasurement(string System, int Round, SaturationResult Result, double PeakRssMiB);

internal sealed record StageMeasurement(string System, int Round, StageResult Result);

internal sealed record MemoryMeasurement(string System, int Round, double PeakRssMiB);
