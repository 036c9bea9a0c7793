namespace ShadowProxy.Yarp.Telemetry;

internal sealed record ServedModel(string? Model, string? Fingerprint, DateTimeOffset FirstSeen, DateTimeOffset LastSeen);

internal sealed record ServedModelEvent(
    string Route, string Side, string? FromModel, string? FromFingerprint, string? ToModel, string? ToFingerprint, DateTimeOffset At);
