namespace ShadowProxy.Yarp.Hosting;

/// <summary>The `Admin` section.</summary>
internal sealed record AdminOptions
{
    public const string Section = "Admin";

    /// <summary>Shortest token start-up accepts; with the login throttle, guessing one is out of reach.</summary>
    public const int MinimumTokenLength = 16;

    /// <summary>Bearer token for the admin API and explorer; unset means open, which is only allowed on loopback.</summary>
    public string? Token { get; init; }

    /// <summary>Bind a token-less admin listener to a non-loopback address anyway (e.g. behind a NetworkPolicy).</summary>
    public bool AllowRemoteWithoutToken { get; init; }

    /// <summary>How long a login session lasts; the server checks it, whatever the browser keeps.</summary>
    public TimeSpan SessionLifetime { get; init; } = TimeSpan.FromHours(12);
}
