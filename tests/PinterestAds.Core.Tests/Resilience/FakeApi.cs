using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Http;
using PinterestAds.Core.Limiting;
using PinterestAds.Core.Resilience;

namespace PinterestAds.Core.Tests.Resilience;

/// <summary>What one request looked like on the wire.</summary>
public sealed record Seen(string Method, string Path, string? IdempotencyKey, string Body, DateTimeOffset At);

/// <summary>What the fake does with one request.</summary>
public abstract record Reply
{
    public static Reply Ok(string json = "{}") => new Status(200, json, new Dictionary<string, string>());

    public static Reply Code(int status, string json = "{\"code\":1,\"message\":\"boom\"}", params (string Name, string Value)[] headers) =>
        new Status(status, json, headers.ToDictionary(h => h.Name, h => h.Value));

    public static Reply RateLimited(params (string Name, string Value)[] headers) =>
        Code(429, "{\"code\":8,\"message\":\"This request exceeded a rate limit.\"}", headers);

    /// <summary>Processes the request (a create commits), then drops the connection before answering.</summary>
    public static readonly Reply DropAfterCommit = new Drop(Commit: true);

    /// <summary>Drops the connection without processing (still "may have reached" for the client).</summary>
    public static readonly Reply DropBeforeCommit = new Drop(Commit: false);

    /// <summary>Nothing listens: connection refused, provably not sent.</summary>
    public static readonly Reply Refused = new Refuse();

    public static readonly Reply TimeOut = new Hang();

    public sealed record Status(int StatusCode, string Json, Dictionary<string, string> Headers) : Reply;

    public sealed record Drop(bool Commit) : Reply;

    public sealed record Refuse : Reply;

    public sealed record Hang : Reply;
}

/// <summary>
/// A scripted Pinterest stand-in behind an HttpMessageHandler: it logs every request that
/// reaches it, keeps created campaigns, and can honour or ignore Idempotency-Key.
/// </summary>
public sealed class FakeApi : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<Seen, Reply>> _script = new();
    private readonly Dictionary<string, string> _byKey = new();
    private int _ids = 100;

    public ConcurrentQueue<Seen> Requests { get; } = new();

    public ConcurrentQueue<(string Id, string Name)> Campaigns { get; } = new();

    public bool HonourIdempotencyKey { get; set; }

    public TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>Replies for the next requests, in order; afterwards every request succeeds.</summary>
    public FakeApi Then(params Reply[] replies)
    {
        foreach (var reply in replies)
        {
            _script.Enqueue(_ => reply);
        }

        return this;
    }

    public List<Seen> Posts => Requests.Where(r => r.Method == "POST").ToList();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        string? key = request.Headers.TryGetValues("Idempotency-Key", out var keys) ? keys.Single() : null;
        var seen = new Seen(request.Method.Method, request.RequestUri!.AbsolutePath, key, body, Time.GetUtcNow());
        var reply = _script.TryDequeue(out var next) ? next(seen) : Reply.Ok();
        if (reply is Reply.Refuse)
        {
            throw new HttpRequestException("Connection refused (127.0.0.1:9)", new SocketException((int)SocketError.ConnectionRefused));
        }

        Requests.Enqueue(seen);
        if (reply is Reply.Hang)
        {
            throw new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing.", new TimeoutException());
        }

        string? answer = null;
        if (HonourIdempotencyKey && key != null)
        {
            lock (_byKey)
            {
                _byKey.TryGetValue(key, out answer);
            }
        }

        bool commits = reply is Reply.Drop { Commit: true } || reply is Reply.Status { StatusCode: 200 };
        if (answer is null && commits && request.Method == HttpMethod.Post && seen.Path.EndsWith("/campaigns", StringComparison.Ordinal))
        {
            answer = CreateCampaigns(body);
            if (HonourIdempotencyKey && key != null)
            {
                lock (_byKey)
                {
                    _byKey[key] = answer;
                }
            }
        }

        if (reply is Reply.Drop)
        {
            throw new HttpRequestException("An error occurred while sending the request.", new IOException("Unable to read data from the transport connection: Connection reset by peer.", new SocketException((int)SocketError.ConnectionReset)));
        }

        var status = (Reply.Status)reply;
        var response = new HttpResponseMessage((HttpStatusCode)status.StatusCode)
        {
            Content = new StringContent(status.StatusCode == 200 && answer != null ? answer : status.Json, Encoding.UTF8, "application/json"),
        };
        foreach (var header in status.Headers)
        {
            response.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        return response;
    }

    private string CreateCampaigns(string body)
    {
        using var document = JsonDocument.Parse(body);
        var items = new List<object>();
        foreach (var item in document.RootElement.EnumerateArray())
        {
            string id = Interlocked.Increment(ref _ids).ToString();
            string name = item.GetProperty("name").GetString()!;
            Campaigns.Enqueue((id, name));
            items.Add(new { data = new { id, name }, exceptions = (object?)null });
        }

        return JsonSerializer.Serialize(new { items });
    }
}

public static class TestPipelines
{
    public static readonly ApiEndpoint Endpoint = ApiEndpoint.Parse("http://127.0.0.1:9/v5", "ApiBaseUri");

    public const string ClientId = "1234";

    /// <param name="endpoint">Where the transport believes it sends (the fake answers whatever the host); <see cref="Endpoint"/> by default.</param>
    /// <param name="attemptTimeout">How long one attempt may take, and so how long an unknown outcome settles; the transport's default when null.</param>
    public static RequestPipeline Build(FakeApi api, IRequestLimiter limiter, IAttemptStrategy attempts, PinterestAds.Core.Idempotency.IIdempotencyJournal? journal = null, TimeProvider? time = null, ApiEndpoint? endpoint = null, string clientId = ClientId, TimeSpan? attemptTimeout = null) =>
        new(new ApiTransport(endpoint ?? Endpoint, clientId, new HttpClient(api), limiter, attemptTimeout: attemptTimeout), new FixedToken(), attempts, journal, time);

    public static RetryingAttemptStrategy Retrying(TimeProvider time, int maxAttempts = 4, TimeSpan? maxWait = null, TimeSpan? maxTotal = null) =>
        new(new RetryOptions
        {
            TimeProvider = time,
            MaxAttempts = maxAttempts,
            MaxWait = maxWait ?? TimeSpan.FromSeconds(30),
            MaxTotalTime = maxTotal ?? TimeSpan.FromMinutes(2),
            Random = () => 0.5,
        });

    public static ApiRequest CreateCampaign(string name = "Spring", string? key = null)
    {
        var request = ApiRequest.Post("ad_accounts/549755885175/campaigns", "create_campaign")
            .WithJsonBody(new[] { new { ad_account_id = "549755885175", name, status = "PAUSED" } })
            .ForAdAccount("549755885175");
        return key is null ? request : request.WithIdempotencyKey(key);
    }
}
