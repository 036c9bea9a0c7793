namespace ShadowProxy.Yarp.Shadowing.Capture;

/// <summary>Set on sampled requests only; filled in by a response transform with the URI YARP actually called.</summary>
internal sealed class PrimaryTargetFeature
{
    public Uri? RequestUri { get; set; }

    public string? DestinationPrefix { get; set; }
}
