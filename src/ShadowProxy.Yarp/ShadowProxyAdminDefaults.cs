namespace ShadowProxy.Yarp;

/// <summary>Names under which ShadowProxy registers its admin authentication, for hosts that refer to them.</summary>
public static class ShadowProxyAdminDefaults
{
    /// <summary>
    /// The authentication scheme that accepts the <c>Admin:Token</c> bearer token or the explorer's session cookie.
    /// It never becomes the application's default scheme.
    /// </summary>
    public const string AuthenticationScheme = "ShadowProxyAdmin";

    /// <summary>
    /// The authorization policy on the explorer and its API: met by the admin scheme, or by anyone while
    /// <c>Admin:Token</c> is unset. Health, readiness and metrics are outside it.
    /// </summary>
    public const string Policy = "ShadowProxyAdmin";
}
