using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Http;
using PinterestAds.Core.Idempotency;
using PinterestAds.Core.Limiting;
using PinterestAds.Core.Resilience;
using PinterestAds.Core.Session;

namespace PinterestAds.Core.Tests.Ads;

/// <summary>
/// A small in-memory stand-in for the ads endpoints, enough to test batching, per-item errors
/// and reconciliation without a server: creates assign ids, PATCH merges, lists newest first.
/// </summary>
internal sealed class FakeAdsApi : HttpMessageHandler
{
    private long _nextId = 1000;

    public sealed record Call(string Method, string Path, string Query, string? Body, string? IdempotencyKey);

    public List<Call> Calls { get; } = new();

    public Dictionary<string, List<JsonObject>> Store { get; } = new();

    /// <summary>Per created item: a message to reject it with, or null.</summary>
    public Func<JsonObject, string?> Reject { get; set; } = _ => null;

    /// <summary>How many writes to commit and then answer by dropping the connection.</summary>
    public int DropAfterCommit { get; set; }

    public string Currency { get; set; } = "EUR";

    public IEnumerable<Call> Writes => Calls.Where(c => c.Method is "POST" or "PATCH");

    /// <param name="journal">Where caller keys are journaled; none by default.</param>
    public PinterestAdsContext Context(IIdempotencyJournal? journal = null)
    {
        var endpoint = ApiEndpoint.Parse("http://127.0.0.1:9/v5", "ApiBaseUri");
        var transport = new ApiTransport(endpoint, "client", new HttpClient(this), new CountingLimiter());
        var retries = new RetryingAttemptStrategy(new RetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1), MaxBackoff = TimeSpan.FromMilliseconds(5) });
        return new PinterestAdsContext("client", endpoint, new RequestPipeline(transport, new FixedToken(), retries, journal));
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string? body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        string path = request.RequestUri!.AbsolutePath.Replace("/v5/", string.Empty);
        string query = Uri.UnescapeDataString(request.RequestUri.Query.TrimStart('?'));
        request.Headers.TryGetValues("Idempotency-Key", out var keys);
        Calls.Add(new Call(request.Method.Method, path, query, body, keys?.FirstOrDefault()));
        string[] segments = path.Split('/');
        if (segments.Length == 2)
        {
            return Json($"{{\"id\":\"{segments[1]}\",\"currency\":\"{Currency}\"}}");
        }

        var store = Store.TryGetValue(segments[2], out var list) ? list : Store[segments[2]] = new List<JsonObject>();
        switch (request.Method.Method)
        {
            case "GET":
                var statuses = query.Split('&').Where(p => p.StartsWith("entity_statuses=")).Select(p => p.Substring(16)).ToHashSet();
                var items = store.Where(i => statuses.Count == 0 ? (string?)i["status"] is "ACTIVE" or "PAUSED" : statuses.Contains((string)i["status"]!));
                items = query.Contains("order=DESCENDING") ? items.Reverse() : items;
                return Json(new JsonObject { ["items"] = new JsonArray(items.Select(i => (JsonNode)i.DeepClone()).ToArray()), ["bookmark"] = null }.ToJsonString());
            case "POST":
                var created = JsonNode.Parse(body!)!.AsArray().Select(n => Create(store, segments[2], n!.AsObject())).ToArray();
                return await Answer(created);
            default:
                var updated = JsonNode.Parse(body!)!.AsArray().Select(n => Update(store, n!.AsObject())).ToArray();
                return await Answer(updated);
        }
    }

    private async Task<HttpResponseMessage> Answer(JsonObject[] items)
    {
        if (DropAfterCommit > 0)
        {
            DropAfterCommit--;
            await Task.Yield();
            throw new HttpRequestException("The response ended prematurely.");
        }

        return Json(new JsonObject { ["items"] = new JsonArray(items.Cast<JsonNode>().ToArray()) }.ToJsonString());
    }

    private JsonObject Create(List<JsonObject> store, string collection, JsonObject item)
    {
        if (Reject(item) is string message)
        {
            JsonNode error = new JsonObject { ["code"] = 400, ["message"] = message };
            return new JsonObject { ["data"] = null, ["exceptions"] = collection == "ads" ? error : new JsonArray(error) };
        }

        var entity = (JsonObject)item.DeepClone();
        entity["id"] = (_nextId++).ToString();
        entity["status"] ??= "ACTIVE";
        entity["created_time"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        store.Add(entity);
        return new JsonObject { ["data"] = entity.DeepClone(), ["exceptions"] = new JsonArray() };
    }

    private static JsonObject Update(List<JsonObject> store, JsonObject item)
    {
        var entity = store.FirstOrDefault(e => (string?)e["id"] == (string?)item["id"]);
        if (entity is null)
        {
            return new JsonObject { ["data"] = null, ["exceptions"] = new JsonArray(new JsonObject { ["code"] = 404, ["message"] = "not found" }) };
        }

        foreach (var property in item.ToArray())
        {
            entity[property.Key] = property.Value?.DeepClone();
        }

        return new JsonObject { ["data"] = entity.DeepClone(), ["exceptions"] = new JsonArray() };
    }

    private static HttpResponseMessage Json(string json) => new(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
}
