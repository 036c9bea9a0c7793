namespace ShadowProxy.Gateway.Hosting;

/// <summary>The `Admin` section.</summary>
internal sealed record AdminOptions
{
    public const string Section = "Admin";

    /// <summary>Bearer token for the admin API and explorer; unset means open, which is only allowed on loopback.</summary>
    public string? Token { get; init; }

    /// <summary>Bind a token-less admin listener to a non-loopback address anyway (e.g. behind a NetworkPolicy).</summary>
    public bool AllowRemoteWithoutToken { get; init; }
}
