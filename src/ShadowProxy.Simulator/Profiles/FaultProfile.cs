namespace ShadowProxy.Simulator.Profiles;

/// <summary>Chances (0–1) of each injected fault per request; checked in declaration order.</summary>
public sealed record FaultProfile
{
    public static FaultProfile None { get; } = new();

    public double RateLimited { get; init; }

    public double ServerError { get; init; }

    /// <summary>Accept the request and never answer (until the client gives up).</summary>
    public double Hang { get; init; }

    public double MalformedJson { get; init; }

    /// <summary>Streams: stop half-way and reset the connection. Non-streams: cut the body short.</summary>
    public double CutStream { get; init; }

    public double GarbageBytes { get; init; }

    /// <summary>Streams: send half the chunks, then go silent without closing (a provider stuck mid-generation).</summary>
    public double StallStream { get; init; }

    public bool Any => RateLimited + ServerError + Hang + MalformedJson + CutStream + GarbageBytes + StallStream > 0;
}
