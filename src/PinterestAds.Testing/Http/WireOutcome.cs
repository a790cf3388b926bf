namespace PinterestAds.Testing.Http
{
    /// <summary>What the connection does with a request: send <see cref="Response"/>, or close without a word.</summary>
    internal sealed class WireOutcome
    {
        private WireOutcome(HttpResponseData? response)
        {
            Response = response;
        }

        public static WireOutcome Drop { get; } = new WireOutcome(null);

        /// <summary>Null means drop the connection without responding.</summary>
        public HttpResponseData? Response { get; }

        public static WireOutcome Send(HttpResponseData response) => new WireOutcome(response);
    }
}
