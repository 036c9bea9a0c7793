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

    /// <summary>A share of requests failing in a mix of ways: half with 500s, the rest hanging, garbled or stalled.</summary>
    public static FaultProfile Mixed(double share) => share <= 0 ? None
        : new FaultProfile { ServerError = share / 2, Hang = share / 6, GarbageBytes = share / 6, StallStream = share / 6 };

    /// <summary>Every request fails the given way.</summary>
    public static FaultProfile Always(FaultKind kind) => kind switch
    {
        FaultKind.RateLimited => new FaultProfile { RateLimited = 1 },
        FaultKind.ServerError => new FaultProfile { ServerError = 1 },
        FaultKind.Hang => new FaultProfile { Hang = 1 },
        FaultKind.MalformedJson => new FaultProfile { MalformedJson = 1 },
        FaultKind.CutStream => new FaultProfile { CutStream = 1 },
        FaultKind.GarbageBytes => new FaultProfile { GarbageBytes = 1 },
        FaultKind.StallStream => new FaultProfile { StallStream = 1 },
        _ => None,
    };
}
