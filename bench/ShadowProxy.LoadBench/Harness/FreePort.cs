using System.Net;
using System.Net.Sockets;

namespace ShadowProxy.LoadBench.Harness;

internal static class FreePort
{
    /// <summary>A loopback port free right now; programs that cannot take port 0 (nginx, Portkey) need a number.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
