using System;
using System.Diagnostics;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Limiting;

namespace PinterestAds.Core.Http
{
    /// <summary>
    /// One HTTP attempt: a limiter permit, a freshly built message, the send, and the debug
    /// trace. It knows nothing of retries or tokens; the layers above decide those.
    /// </summary>
    public sealed class ApiTransport
    {
        /// <summary>
        /// How long one attempt may take by default (PINTEREST_ADS_TIMEOUT overrides it). Pinterest
        /// answers most calls within a second and a batch of 30 writes within a few; 30 s leaves
        /// ten times that for a slow moment before an attempt counts as lost.
        /// </summary>
        public static readonly TimeSpan DefaultAttemptTimeout = TimeSpan.FromSeconds(30);

        private static readonly string UserAgent = "PinterestAds-PowerShell/" + typeof(ApiTransport).Assembly.GetName().Version;

        private readonly HttpClient _http;
        private readonly IRequestLimiter _limiter;

        /// <param name="time">Our clock, against which <see cref="ServerClock"/> measures Pinterest's.</param>
        /// <param name="attemptTimeout">How long one attempt may take; <see cref="DefaultAttemptTimeout"/> when null.</param>
        public ApiTransport(ApiEndpoint endpoint, string clientId, HttpClient http, IRequestLimiter limiter, TimeProvider? time = null, TimeSpan? attemptTimeout = null)
        {
            Endpoint = endpoint;
            ClientId = clientId;
            _http = http;
            _limiter = limiter;
            ServerClock = new ServerClock(time);
            AttemptTimeout = attemptTimeout ?? DefaultAttemptTimeout;
        }

        /// <summary>How long one attempt may take before it counts as timed out (its outcome unknown, for a write).</summary>
        public TimeSpan AttemptTimeout { get; }

        public ApiEndpoint Endpoint { get; }

        public string ClientId { get; }

        /// <summary>Pinterest's clock as the Date headers of this transport's answers show it.</summary>
        public ServerClock ServerClock { get; }

        public async Task<ApiResponse> SendAsync(ApiRequest request, AuthenticationHeaderValue? authorization, int attempt, ICallObserver observer, CancellationToken cancellationToken)
        {
            // Fail closed: without a permit nothing is sent.
            var bucket = new LimiterBucket(ClientId, request.AdAccountId);
            await _limiter.AcquireAsync(bucket, Guid.NewGuid().ToString("N"), observer, cancellationToken).ConfigureAwait(false);
            var response = await SendOnceAsync(request, authorization, attempt, observer, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == 429 && _limiter is IBudgetPause pause)
            {
                // Pause the bucket for every worker sharing the budget until Pinterest's reset. The
                // 429 itself still goes up to the retry layer; failing to record the pause only warns.
                try
                {
                    await pause.PauseAfterRateLimitAsync(bucket, response.Headers, observer, cancellationToken).ConfigureAwait(false);
                }
                catch (Errors.PinterestAdsException ex)
                {
                    observer.Warning($"The 429 pause for {LimiterErrors.Describe(bucket)} could not be recorded: {ex.Message}");
                }
            }

            return response;
        }

        private async Task<ApiResponse> SendOnceAsync(ApiRequest request, AuthenticationHeaderValue? authorization, int attempt, ICallObserver observer, CancellationToken cancellationToken)
        {

            using var message = new HttpRequestMessage(request.Method, Endpoint.Resolve(request.RelativeUri()));
            message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            message.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
            message.Headers.Authorization = authorization;
            if (request.IdempotencyKey is string key)
            {
                message.Headers.TryAddWithoutValidation("Idempotency-Key", key);
            }

            if (request.Body is byte[] body)
            {
                message.Content = new ByteArrayContent(body);
                message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(request.ContentType ?? "application/json");
            }

            // Traces are built (and redacted) only for someone who shows them: the hot path skips both.
            bool trace = observer.DebugEnabled;
            if (trace)
            {
                observer.Debug(HttpTrace.FormatRequest(message, request.Body, attempt));
            }

            var clock = Stopwatch.StartNew();
            var sent = ServerClock.Time.GetUtcNow();
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(AttemptTimeout);
            try
            {
                using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, deadline.Token).ConfigureAwait(false);
                byte[] content = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                var headers = ApiResponse.CollectHeaders(response);
                var result = new ApiResponse(response.StatusCode, headers, content, request);
                ServerClock.Observe(sent, ServerClock.Time.GetUtcNow(), result.Header("Date"));
                if (trace)
                {
                    observer.Debug(HttpTrace.FormatResponse(result, clock.Elapsed));
                }

                return result;
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new ApiTransportException($"{request.Method} {request.DisplayPath} timed out after {clock.Elapsed.TotalSeconds:0.#} s.", mayHaveReachedServer: true, isTimeout: true, ex);
            }
            catch (HttpRequestException ex)
            {
                bool refused = FindSocketError(ex) is SocketError error && (error == SocketError.ConnectionRefused || error == SocketError.HostNotFound || error == SocketError.NetworkUnreachable);
                throw new ApiTransportException($"{request.Method} {request.DisplayPath} failed: {ex.GetBaseException().Message}", mayHaveReachedServer: !refused, isTimeout: false, ex);
            }
        }

        private static SocketError? FindSocketError(Exception exception)
        {
            for (Exception? current = exception; current != null; current = current.InnerException)
            {
                if (current is SocketException socket)
                {
                    return socket.SocketErrorCode;
                }
            }

            return null;
        }
    }
}
