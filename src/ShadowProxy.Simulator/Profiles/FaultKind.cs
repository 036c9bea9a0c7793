namespace ShadowProxy.Simulator.Profiles;

public enum FaultKind
{
    None,
    RateLimited,
    ServerError,
    Hang,
    MalformedJson,
    CutStream,
    GarbageBytes,
    StallStream,
}
