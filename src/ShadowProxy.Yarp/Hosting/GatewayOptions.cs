namespace ShadowProxy.Yarp.Hosting;

/// <summary>The `Listeners` section: where the proxy and the admin endpoints listen.</summary>
internal sealed record ListenerOptions
{
    public const string Section = "Listeners";

    public string Proxy { get; init; } = "http://0.0.0.0:8080";

    public string Admin { get; init; } = "http://127.0.0.1:9090";

    /// <summary>Request bodies above this are refused with 413 (prompts with inline images can be tens of MB).</summary>
    public long MaxRequestBodyBytes { get; init; } = 100 * 1024 * 1024;

    /// <summary>All request headers together; above it Kestrel answers 431.</summary>
    public int MaxRequestHeadersTotalBytes { get; init; } = 64 * 1024;

    /// <summary>Time a client has to send its headers (slowloris protection).</summary>
    public TimeSpan RequestHeadersTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Idle keep-alive connections are closed after this; longer than common client pools' idle timeouts.</summary>
    public TimeSpan KeepAliveTimeout { get; init; } = TimeSpan.FromMinutes(2);

    public static System.Net.IPAddress ParseHost(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ? System.Net.IPAddress.Loopback : System.Net.IPAddress.Parse(host.Trim('[', ']'));
}

/// <summary>The `Upstream` section: defaults applied to every YARP cluster that does not set its own.</summary>
internal sealed record UpstreamOptions
{
    public const string Section = "Upstream";

    /// <summary>Idle time allowed between bytes; reasoning models can think for minutes before the first token.</summary>
    public TimeSpan ActivityTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// YARP's default X-Forwarded-For/-Proto/-Host/-Prefix on routes that set no X-Forwarded transform of their own.
    /// Off: an external provider has no business knowing internal addresses and host names.
    /// </summary>
    public bool ForwardedHeaders { get; init; }
}
