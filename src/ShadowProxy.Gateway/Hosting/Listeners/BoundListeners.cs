using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace ShadowProxy.Gateway.Hosting.Listeners;

/// <summary>The two Kestrel listeners; their ports are known once the server has started (port 0 = any free port).</summary>
internal sealed class BoundListeners : Yarp.Hosting.IProxyAddress
{
    public ListenOptions? Proxy { get; set; }

    public ListenOptions? Admin { get; set; }

    public Uri ProxyUri => ToUri(Proxy);

    public Uri AdminUri => ToUri(Admin);

    /// <summary>A worker has no proxy listener, so it sends no probes.</summary>
    Uri? Yarp.Hosting.IProxyAddress.Current => Proxy is null ? null : ProxyUri;

    private static Uri ToUri(ListenOptions? options)
    {
        var endpoint = options?.IPEndPoint ?? throw new InvalidOperationException("The gateway has not started listening yet.");
        var host = endpoint.Address.Equals(IPAddress.Any) || endpoint.Address.Equals(IPAddress.IPv6Any) ? "127.0.0.1"
            : endpoint.Address.ToString();
        return new UriBuilder("http", host, endpoint.Port).Uri;
    }
}
