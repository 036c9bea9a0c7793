namespace ShadowProxy.Gateway.Hosting;

/// <summary>The `Listeners` section: where the proxy and the admin endpoints listen.</summary>
internal sealed record ListenerOptions
{
    public const string Section = "Listeners";

    public string Proxy { get; init; } = "http://0.0.0.0:8080";

    public string Admin { get; init; } = "http://127.0.0.1:9090";
}

/// <summary>The `Upstream` section: defaults applied to every YARP cluster that does not set its own.</summary>
internal sealed record UpstreamOptions
{
    public const string Section = "Upstream";

    /// <summary>Idle time allowed between bytes; reasoning models can think for minutes before the first token.</summary>
    public TimeSpan ActivityTimeout { get; init; } = TimeSpan.FromMinutes(10);
}
