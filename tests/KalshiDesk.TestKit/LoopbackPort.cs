using System.Net;
using System.Net.Sockets;

namespace KalshiDesk.TestKit;

/// <summary>Finds a TCP port on 127.0.0.1 that nothing listens on right now.</summary>
public static class LoopbackPort
{
    /// <summary>
    /// Asks the kernel for a free port by binding port 0, then releases it. Another process can take
    /// the port before the caller binds it, so callers that start a server retry with a new port.
    /// </summary>
    public static int FindFree()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
