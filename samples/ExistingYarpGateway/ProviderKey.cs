using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace ExistingYarpGateway;

/// <summary>Applications never hold the provider's key: the gateway swaps theirs for its own (`ProviderKeys:{cluster}`).</summary>
internal static class ProviderKey
{
    public static void Apply(TransformBuilderContext context)
    {
        var configuration = context.Services.GetRequiredService<IConfiguration>();
        if (context.Cluster is { } cluster && configuration[$"ProviderKeys:{cluster.ClusterId}"] is { Length: > 0 } key)
        {
            context.AddRequestHeader("Authorization", $"Bearer {key}", append: false);
        }
    }
}
