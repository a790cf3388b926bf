using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace PinterestAds.Testing.Tests;

/// <summary>A thin HttpClient wrapper: bearer token, JSON in, JSON out, no redirects followed.</summary>
public sealed class Api : IDisposable
{
    private readonly HttpClient _client;

    public Api(PinTestServer server, string? accessToken = null)
    {
        Server = server;
        _client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = new Uri(server.BaseUri + "/"),
            Timeout = TimeSpan.FromSeconds(20),
        };
        Token = accessToken ?? server.IssueAccessToken();
    }

    public PinTestServer Server { get; }

    public string? Token { get; set; }

    public HttpClient Client => _client;

    public string Account => Server.DefaultAdAccountId;

    public Task<Reply> Get(string path) => Send(HttpMethod.Get, path);

    public Task<Reply> Post(string path, JsonNode body, string? idempotencyKey = null) => Send(HttpMethod.Post, path, body.ToJsonString(), idempotencyKey);

    public Task<Reply> Patch(string path, JsonNode body, string? idempotencyKey = null) => Send(HttpMethod.Patch, path, body.ToJsonString(), idempotencyKey);

    public async Task<Reply> Send(HttpMethod method, string path, string? body = null, string? idempotencyKey = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (Token != null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        }

        if (idempotencyKey != null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        if (body != null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, contentType);
        }

        using var response = await _client.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        return new Reply(response, text);
    }

    /// <summary>Creates campaigns and returns their ids (asserts every item succeeded).</summary>
    public async Task<string[]> CreateCampaigns(params JsonObject[] campaigns)
    {
        var reply = await Post($"ad_accounts/{Account}/campaigns", new JsonArray(campaigns.Cast<JsonNode>().ToArray()));
        Assert.Equal(200, reply.Status);
        return reply.Json!["items"]!.AsArray().Select(i => (string)i!["data"]!["id"]!).ToArray();
    }

    public JsonObject Campaign(string name, string objective = "AWARENESS") => new()
    {
        ["ad_account_id"] = Account,
        ["name"] = name,
        ["objective_type"] = objective,
    };

    public void Dispose() => _client.Dispose();
}

/// <summary>Status, headers and parsed JSON body of a response.</summary>
public sealed class Reply
{
    public Reply(HttpResponseMessage response, string text)
    {
        Status = (int)response.StatusCode;
        Text = text;
        Headers = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        Json = text.Length > 0 && (text[0] == '{' || text[0] == '[') ? JsonNode.Parse(text) : null;
    }

    public int Status { get; }

    public string Text { get; }

    public Dictionary<string, string> Headers { get; }

    public JsonNode? Json { get; }

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public int? Code => Json is JsonObject o && o["code"] is JsonNode c ? (int)c : null;

    public override string ToString() => Status + " " + Text;
}
