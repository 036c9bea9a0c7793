namespace ShadowProxy.Gateway.Hosting.Listeners;

/// <summary>Marks an endpoint as served only on the admin listener.</summary>
internal sealed class AdminEndpointMetadata
{
    public static AdminEndpointMetadata Instance { get; } = new();

    private AdminEndpointMetadata()
    {
    }
}
