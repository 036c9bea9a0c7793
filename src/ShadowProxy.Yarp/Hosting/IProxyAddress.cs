using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ShadowProxy.Yarp.Hosting;

/// <summary>Where this process's own proxy routes answer, for the traffic it sends itself (canary probes).</summary>
internal interface IProxyAddress
{
    /// <summary>Null when the process serves no proxy traffic (a worker), or before the server has started.</summary>
    Uri? Current { get; }
}

/// <summary>A library host's first server address (a wildcard host is reached on loopback).</summary>
internal sealed class ServerProxyAddress(IServer server) : IProxyAddress
{
    public Uri? Current
    {
        get
        {
            var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
            if (address is null)
            {
                return null;
            }

            var uri = new UriBuilder(address.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal)
                .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal).Replace("://[::]", "://[::1]", StringComparison.Ordinal));
            return uri.Uri;
        }
    }
}
