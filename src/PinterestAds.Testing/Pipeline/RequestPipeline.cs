using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Threading.Tasks;
using PinterestAds.Testing.Faults;
using PinterestAds.Testing.Http;
using PinterestAds.Testing.Json;
using PinterestAds.Testing.Logging;
using PinterestAds.Testing.OAuth;
using PinterestAds.Testing.Routing;

namespace PinterestAds.Testing.Pipeline
{
    /// <summary>
    /// What happens to every request, in order: record → fault injection → route → bearer and
    /// scope check → Idempotency-Key proxy → handler. Faults sit in front of everything because
    /// they model the network and the edge; the idempotency proxy sits behind authentication so
    /// a 401 before a token refresh is never stored and replayed.
    /// </summary>
    internal sealed class RequestPipeline
    {
        private readonly Router _router;
        private readonly OAuthStore _oauth;
        private readonly FaultInjector _faults;
        private readonly IdempotencyStore _idempotency;
        private readonly RequestLog _log;
        private readonly ServerSettings _settings;
        private readonly ServerClock _clock;
        private readonly string _ridPrefix;

        public RequestPipeline(Router router, OAuthStore oauth, FaultInjector faults, IdempotencyStore idempotency, RequestLog log, ServerSettings settings, ServerClock clock)
        {
            _router = router;
            _oauth = oauth;
            _faults = faults;
            _idempotency = idempotency;
            _log = log;
            _settings = settings;
            _clock = clock;
            var random = new byte[4];
            using (var rng = RandomNumberGenerator.Create())
            {
                rng.GetBytes(random);
            }

            // Random per server + sequence: unique here and unlikely to repeat across servers.
            _ridPrefix = BitConverter.ToUInt32(random, 0).ToString("x8", CultureInfo.InvariantCulture);
        }

        public async Task<WireOutcome> HandleAsync(HttpRequestData request)
        {
            long sequence = _log.NextSequence();
            DateTimeOffset arrived = DateTimeOffset.UtcNow;
            string requestId = _ridPrefix + sequence.ToString("x8", CultureInfo.InvariantCulture);

            FaultDecision? fault = _faults.Take(request.Method, request.Path);
            if (fault != null && fault.Latency > TimeSpan.Zero)
            {
                await Task.Delay(fault.Latency).ConfigureAwait(false);
            }

            if (fault != null && fault.Action == FaultAction.DropBeforeProcessing)
            {
                _log.Add(sequence, arrived, request, null, requestId, dropped: true, replay: false);
                return WireOutcome.Drop;
            }

            Dispatched dispatched = fault != null && fault.Action == FaultAction.Respond
                ? new Dispatched(fault.BuildResponse())
                : await DispatchAsync(request).ConfigureAwait(false);
            if (dispatched.Response == null)
            {
                // A streaming handler dropped the connection mid-body (an upload fault).
                _log.Add(sequence, arrived, request, null, requestId, dropped: true, replay: false, dispatched.Upload);
                return WireOutcome.Drop;
            }

            HttpResponseData response = fault != null && fault.Action == FaultAction.CommitThenRespond
                ? fault.BuildResponse()
                : dispatched.Response;
            response = response.WithHeader("x-pinterest-rid", requestId);
            bool drop = fault != null && fault.Action == FaultAction.DropAfterCommit;
            _log.Add(sequence, arrived, request, response, requestId, drop, dispatched.Replayed, dispatched.Upload);
            return drop ? WireOutcome.Drop : WireOutcome.Send(response);
        }

        /// <summary>Asked by the connection before a body is read: does this request's route stream it?</summary>
        public bool StreamsBody(string method, string path) => _router.StreamsBody(method, path);

        private async Task<Dispatched> DispatchAsync(HttpRequestData request)
        {
            RequestContext? context = null;
            try
            {
                RouteMatch match = _router.Resolve(request.Method, request.Path);
                if (match.Route == null)
                {
                    return new Dispatched(match.AllowedMethods.Count == 0
                        ? ApiResults.Error(404, 404, "Not found: " + request.Method + " " + request.Path)
                        : ApiResults.Error(405, 5, "Method not allowed").WithHeader("Allow", string.Join(", ", match.AllowedMethods)));
                }

                Route route = match.Route;
                DateTimeOffset now = _clock.UtcNow;
                AccessGrant? grant = null;
                if (route.Security.RequiresBearer)
                {
                    grant = Authenticate(request, now);
                    if (grant == null)
                    {
                        return new Dispatched(ApiResults.Unauthenticated());
                    }

                    foreach (string scope in route.Security.Scopes)
                    {
                        if (Array.IndexOf(grant.Scopes, scope) < 0)
                        {
                            return new Dispatched(ApiResults.Error(403, 3, "Your token does not have sufficient permissions to perform this operation. Please ensure your token is authorized with the correct set of scopes. Missing scope: " + scope));
                        }
                    }
                }

                context = new RequestContext(request, match.Values, now, grant);
                if (route.StreamingHandler != null)
                {
                    HttpResponseData? streamed = await route.StreamingHandler(context).ConfigureAwait(false);
                    return new Dispatched(streamed, false, context.Upload);
                }

                string? key = request.GetHeader("Idempotency-Key");
                bool isWrite = request.Method == "POST" || request.Method == "PATCH";
                if (isWrite && route.Security.RequiresBearer && !string.IsNullOrEmpty(key) && _settings.HonourIdempotencyKey)
                {
                    string fingerprint = request.Method + " " + request.Target + "\n" + request.BodyText;
                    RequestContext keyed = context;
                    HttpResponseData response = _idempotency.Execute(key!, fingerprint, () => Invoke(route, keyed), out bool replayed);
                    return new Dispatched(response, replayed);
                }

                return new Dispatched(Invoke(route, context));
            }
            catch (Exception ex)
            {
                return new Dispatched(ApiResults.Error(500, 12, "Something went wrong on our end. Sorry about that. (" + ex.GetType().Name + ": " + ex.Message + ")"), false, context?.Upload);
            }
        }

        private static HttpResponseData Invoke(Route route, RequestContext context)
        {
            try
            {
                return route.Handler!(context);
            }
            catch (ApiErrorException ex)
            {
                return ApiResults.Error(ex.Status, ex.Code, ex.Message);
            }
        }

        private AccessGrant? Authenticate(HttpRequestData request, DateTimeOffset now)
        {
            string? header = request.GetHeader("Authorization");
            if (header == null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            string token = header.Substring(7).Trim();
            return token.Length == 0 ? null : _oauth.Validate(token, now);
        }
    
        /// <summary>What dispatching produced: the response (null = drop the connection), whether it was replayed, and what an upload saw.</summary>
        private sealed class Dispatched
        {
            public Dispatched(HttpResponseData? response, bool replayed = false, Uploads.UploadRecord? upload = null)
            {
                Response = response;
                Replayed = replayed;
                Upload = upload;
            }

            public HttpResponseData? Response { get; }

            public bool Replayed { get; }

            public Uploads.UploadRecord? Upload { get; }
        }
    }
}
