using ShadowProxy.Yarp.Shadowing.Capture;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace ShadowProxy.Yarp.Proxy;

/// <summary>Transforms every route gets from <c>AddShadowing</c>, whatever its own config says.</summary>
internal static class ShadowingTransforms
{
    public static void Apply(TransformBuilderContext context)
    {
        foreach (var header in InternalHeaders.All)
        {
            context.AddRequestHeaderRemove(header);
        }

        // The baseline must get the path the primary got, after the route's transforms, not the client's raw target.
        context.AddResponseTransform(static transform =>
        {
            if (transform.HttpContext.Features.Get<PrimaryTargetFeature>() is { } target)
            {
                target.RequestUri = transform.ProxyResponse?.RequestMessage?.RequestUri;
                target.DestinationPrefix = transform.HttpContext.GetReverseProxyFeature().ProxiedDestination?.Model.Config.Address;
            }

            return ValueTask.CompletedTask;
        });
    }
}
