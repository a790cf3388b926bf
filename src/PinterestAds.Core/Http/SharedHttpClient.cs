using System;
using System.Net;
using System.Net.Http;

namespace PinterestAds.Core.Http
{
    /// <summary>
    /// One HttpClient per process: every context shares its connection pool, so a runbook that
    /// connects many times does not exhaust sockets. Created on first use, never at import.
    /// </summary>
    public static class SharedHttpClient
    {
        private static readonly Lazy<HttpClient> Client = new Lazy<HttpClient>(Create);

        public static HttpClient Instance => Client.Value;

        private static HttpClient Create()
        {
            var handler = new HttpClientHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            };
            // Each attempt has its own deadline (ApiTransport, PINTEREST_ADS_TIMEOUT); the client's would cut across it.
            return new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        }
    }
}
