using Yarp.ReverseProxy.Transforms.Builder;

namespace ShadowProxy.Yarp.Proxy;

/// <summary>The executable's own transform defaults; a library host decides its forwarding headers itself.</summary>
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
    }
}
