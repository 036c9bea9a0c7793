namespace ShadowProxy.Core.Drift;

internal sealed record PageHinkleyOptions
{
    /// <summary>Changes smaller than this (in the metric's units) are tolerated.</summary>
    public double Delta { get; init; } = 0.005;

    /// <summary>Alarm threshold on the cumulative deviation; larger means fewer, later alarms.</summary>
    public double Threshold { get; init; } = 50;

    /// <summary>Observations before an alarm may be raised, so the running mean settles first.</summary>
    public int MinObservations { get; init; } = 30;
}
