using System.Net;
using System.Net.Sockets;

namespace Tailor.Testing;

/// <summary>Loopback ports nobody listens on, for servers and processes a test starts of its own.</summary>
public static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
