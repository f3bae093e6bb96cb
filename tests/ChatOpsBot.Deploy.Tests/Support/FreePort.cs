using System.Net;
using System.Net.Sockets;

namespace ChatOpsBot.Deploy.Tests.Support;

/// <summary>A loopback TCP port nobody listens on right now.</summary>
internal static class FreePort
{
    /// <summary>Asks the OS for a free port on 127.0.0.1.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
