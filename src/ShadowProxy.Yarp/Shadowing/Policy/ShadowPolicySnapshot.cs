using System.Collections.Frozen;

namespace ShadowProxy.Yarp.Shadowing.Policy;

/// <summary>One consistent, immutable version of the shadowing config; swapped whole on reload.</summary>
internal sealed class ShadowPolicySnapshot(ShadowingOptions options, int version)
{
    private readonly FrozenDictionary<string, RoutePolicy> _routes =
        options.Routes.ToFrozenDictionary(p => p.Key, p => new RoutePolicy(p.Key, p.Value), StringComparer.Ordinal);

    public ShadowingOptions Options { get; } = options;

    /// <summary>Increases with every accepted reload; keys per-route resources such as resilience pipelines.</summary>
    public int Version { get; } = version;

    public IEnumerable<RoutePolicy> Routes => _routes.Values;

    public RoutePolicy? Find(string routeId) => _routes.GetValueOrDefault(routeId);
}
