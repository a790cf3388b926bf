using System;
using System.Collections.Generic;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Http;

namespace PinterestAds.Core.Session
{
    /// <summary>
    /// A connection to Pinterest Ads: what <c>Connect-PinterestAds</c> makes and every API cmdlet
    /// uses (the session default, or <c>-Context</c> in runbooks and parallel runspaces). It shows
    /// where tokens live and when they expire, never the tokens themselves.
    /// </summary>
    public sealed class PinterestAdsContext
    {
        private readonly RequestPipeline _pipeline;

        internal PinterestAdsContext(string clientId, ApiEndpoint endpoint, RequestPipeline pipeline)
        {
            ClientId = clientId;
            Endpoint = endpoint;
            _pipeline = pipeline;
        }

        public string ClientId { get; }

        public PinterestEnvironment Environment => Endpoint.Environment;

        public Uri ApiBaseUri => Endpoint.BaseUri;

        /// <summary>Ids of the ad accounts the sign-in can use, probed at connect.</summary>
        public IReadOnlyList<string> AdAccountIds { get; internal set; } = Array.Empty<string>();

        public bool IsConnected { get; private set; } = true;

        internal ApiEndpoint Endpoint { get; }

        /// <summary>The request path; refuses once the context was disconnected.</summary>
        internal RequestPipeline Pipeline => IsConnected ? _pipeline : throw PinterestAdsException.NotConnected();

        internal void MarkDisconnected() => IsConnected = false;
    }
}
