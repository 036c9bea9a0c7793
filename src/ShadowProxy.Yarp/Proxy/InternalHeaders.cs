namespace ShadowProxy.Yarp.Proxy;

/// <summary>Headers that mean something to ShadowProxy alone; no upstream ever sees them, on any route.</summary>
internal static class InternalHeaders
{
    /// <summary>`off` opts a request out of shadowing.</summary>
    public const string OptOut = "x-shadowproxy-shadow";

    /// <summary>Marks a canary probe; accepted only with a value this process issued.</summary>
    public const string Probe = "x-shadowproxy-probe";

    public static IReadOnlyList<string> All { get; } = [OptOut, Probe];
}
