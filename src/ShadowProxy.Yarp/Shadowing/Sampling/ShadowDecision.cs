namespace ShadowProxy.Yarp.Shadowing.Sampling;

/// <summary>What the sampler decided for a request on a shadow-configured route, before anything was buffered.</summary>
internal enum ShadowDecision
{
    Sampled,
    NotSampled,
    Disabled,
    OptedOut,
    Ineligible,
    BodyTooLarge,

    /// <summary>A canary probe sent by this gateway: always shadowed, graded against its known answer.</summary>
    Probe,
}

internal static class ShadowDecisions
{
    private static readonly string[] Names = ["sampled", "not_sampled", "disabled", "opted_out", "ineligible", "body_too_large", "probe"];

    public static string Name(this ShadowDecision decision) => Names[(int)decision];
}
