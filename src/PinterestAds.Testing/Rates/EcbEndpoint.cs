using System;
using PinterestAds.Testing.Http;
using PinterestAds.Testing.Routing;

namespace PinterestAds.Testing.Rates
{
    /// <summary><c>GET /ecb/eurofxref-hist.xml</c>: the ECB's historical reference-rate file, served by the fake (what PINTEREST_ADS_EXCHANGE_RATES_URI points at in tests).</summary>
    internal sealed class EcbEndpoint : IEndpointModule
    {
        public const string Path = "/ecb/eurofxref-hist.xml";

        private readonly EcbRates _rates;

        public EcbEndpoint(EcbRates rates)
        {
            _rates = rates;
        }

        public void Map(Router router) => router.Map("GET", Path, RouteSecurity.Anonymous, Serve);

        private HttpResponseData Serve(RequestContext context) =>
            new HttpResponseData(200, "text/xml", _rates.HistoryXml(context.Now.UtcDateTime.Date));
    }
}
