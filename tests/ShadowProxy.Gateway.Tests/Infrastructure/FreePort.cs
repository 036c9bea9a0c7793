using System.Net;
using System.Net.Sockets;

namespace ShadowProxy.Gateway.Tests.Infrastructure;

internal static class FreePort
{
    /// <summary>An address on loopback that nothing listens on (bound once, then released).</summary>
    public static Uri ClosedLoopbackUri()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }
}
