using System.Collections.Frozen;
using ShadowProxy.Core.Exchanges;

namespace ShadowProxy.Yarp.Shadowing.Policy;

/// <summary>A route's shadow options, pre-digested for the request path.</summary>
internal sealed class RoutePolicy
{
    public RoutePolicy(string routeId, RouteShadowOptions options)
    {
        RouteId = routeId;
        Options = options;
        Operations = options.Operations.Select(o => ShadowOperations.TryParse(o, out var kind) ? kind : OperationKind.Other).ToFrozenSet();
        SamplingHeader = SamplingKeys.TryParseHeader(options.SamplingKey, out var header) ? header : null;
        BaselineAddress = new Uri(options.Baseline.Address ?? "http://invalid/");
    }

    public string RouteId { get; }

    public RouteShadowOptions Options { get; }

    public FrozenSet<OperationKind> Operations { get; }

    /// <summary>Null for random sampling.</summary>
    public string? SamplingHeader { get; }

    public Uri BaselineAddress { get; }
}
