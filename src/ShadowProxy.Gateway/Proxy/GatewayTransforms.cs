using ShadowProxy.Gateway.Shadowing.Capture;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace ShadowProxy.Gateway.Proxy;

/// <summary>Transforms every route gets, whatever its own config says.</summary>
internal static class GatewayTransforms
{
    public static void Apply(TransformBuilderContext context)
    {
        // A route's own X-Forwarded/Forwarded transform has already set this; null means YARP's defaults would apply.
        if (context.UseDefaultForwarders is null
            && !context.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Hosting.UpstreamOptions>>().Value.ForwardedHeaders)
        {
            context.UseDefaultForwarders = false;
        }

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
