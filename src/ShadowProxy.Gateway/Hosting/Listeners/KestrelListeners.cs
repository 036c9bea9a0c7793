using Microsoft.AspNetCore.Server.Kestrel.Core;
using ShadowProxy.Yarp.Hosting;

namespace ShadowProxy.Gateway.Hosting.Listeners;

/// <summary>Binds the proxy and admin listeners and tags every connection with the listener it came in on.</summary>
internal static class KestrelListeners
{
    /// <summary>Binds both listeners, or only the admin one for a worker (<paramref name="proxy"/> false).</summary>
    public static BoundListeners Configure(IWebHostBuilder webHost, ListenerOptions options, bool proxy = true)
    {
        var bound = new BoundListeners();
        webHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = options.MaxRequestHeadersTotalBytes;
            kestrel.Limits.RequestHeadersTimeout = options.RequestHeadersTimeout;
            kestrel.Limits.KeepAliveTimeout = options.KeepAliveTimeout;
            bound.Proxy = proxy ? Listen(kestrel, new Uri(options.Proxy), ListenerKind.Proxy) : null;
            bound.Admin = Listen(kestrel, new Uri(options.Admin), ListenerKind.Admin);
        });
        return bound;
    }

    private static ListenOptions Listen(KestrelServerOptions kestrel, Uri uri, ListenerKind kind)
    {
        ListenOptions? created = null;
        kestrel.Listen(ListenerOptions.ParseHost(uri.Host), uri.Port, listen =>
        {
            created = listen;
            listen.Use(next => connection =>
            {
                ListenerKinds.Mark(connection.Items, kind);
                return next(connection);
            });
        });
        return created!;
    }
}
