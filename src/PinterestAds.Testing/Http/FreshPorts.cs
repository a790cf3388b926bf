using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;

namespace PinterestAds.Testing.Http
{
    /// <summary>
    /// Listens on a loopback port no earlier fake of this process had. Every fake numbers its
    /// entities from the same first ids, while the module journals which key made which entity
    /// per API address, and a test run shares one journal: a fake on an earlier fake's port would
    /// look like that API, whose ids other keys made, and reconciliation would refuse the new
    /// fake's own entities. Pinterest never reuses an id; one address per fake keeps it so.
    /// </summary>
    internal static class FreshPorts
    {
        private static readonly HashSet<int> Used = new HashSet<int>();

        public static TcpListener Listen(int backlog)
        {
            var refused = new List<TcpListener>();
            try
            {
                while (true)
                {
                    var listener = new TcpListener(IPAddress.Loopback, 0);
                    listener.Start(backlog);
                    lock (Used)
                    {
                        if (Used.Add(((IPEndPoint)listener.LocalEndpoint).Port))
                        {
                            return listener;
                        }
                    }

                    // Held until a fresh port turns up, so the system does not hand this one out again.
                    refused.Add(listener);
                }
            }
            finally
            {
                foreach (var listener in refused)
                {
                    listener.Stop();
                }
            }
        }
    }
}
