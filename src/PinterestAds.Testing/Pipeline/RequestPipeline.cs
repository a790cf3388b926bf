using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Threading.Tasks;
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

            bool replayed = false;
            HttpResponseData response = fault != null && fault.Action == FaultAction.Respond
                ? fault.BuildResponse()
                : Dispatch(request, out replayed);
            if (fault != null && fault.Action == FaultAction.CommitThenRespond)
            {
                response = fault.BuildResponse();
            }
            response = response.WithHeader("x-pinterest-rid", requestId);

            bool drop = fault != null && fault.Action == FaultAction.DropAfterCommit;
            _log.Add(sequence, arrived, request, response, requestId, drop, replayed);
            return drop ? WireOutcome.Drop : WireOutcome.Send(response);
        }

        private HttpResponseData Dispatch(HttpRequestData request, out bool replayed)
        {
            replayed = false;
            try
            {
                RouteMatch match = _router.Resolve(request.Method, request.Path);
                if (match.Route == null)
                {
                    return match.AllowedMethods.Count == 0
                        ? ApiResults.Error(404, 404, "Not found: " + request.Method + " " + request.Path)
                        : ApiResults.Error(405, 5, "Method not allowed").WithHeader("Allow", string.Join(", ", match.AllowedMethods));
                }

                Route route = match.Route;
                DateTimeOffset now = _clock.UtcNow;
                AccessGrant? grant = null;
                if (route.Security.RequiresBearer)
                {
                    grant = Authenticate(request, now);
                    if (grant == null)
                    {
                        return ApiResults.Unauthenticated();
                    }

                    foreach (string scope in route.Security.Scopes)
                    {
                        if (Array.IndexOf(grant.Scopes, scope) < 0)
                        {
                            return ApiResults.Error(403, 3, "Your token does not have sufficient permissions to perform this operation. Please ensure your token is authorized with the correct set of scopes. Missing scope: " + scope);
                        }
                    }
                }

                var context = new RequestContext(request, match.Values, now, grant);
                string? key = request.GetHeader("Idempotency-Key");
                bool isWrite = request.Method == "POST" || request.Method == "PATCH";
                if (isWrite && route.Security.RequiresBearer && !string.IsNullOrEmpty(key) && _settings.HonourIdempotencyKey)
                {
                    string fingerprint = request.Method + " " + request.Target + "\n" + request.BodyText;
                    return _idempotency.Execute(key!, fingerprint, () => Invoke(route, context), out replayed);
                }

                return Invoke(route, context);
            }
            catch (Exception ex)
            {
                return ApiResults.Error(500, 12, "Something went wrong on our end. Sorry about that. (" + ex.GetType().Name + ": " + ex.Message + ")");
            }
        }

        private static HttpResponseData Invoke(Route route, RequestContext context)
        {
            try
            {
                return route.Handler(context);
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
    }
}
