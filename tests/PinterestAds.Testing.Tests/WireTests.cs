using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace PinterestAds.Testing.Tests;

public sealed class WireTests : IDisposable
{
    private readonly PinTestServer _server = PinTestServer.StartNew();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task Keep_alive_requests_use_one_socket_with_nodelay_and_one_write_per_response()
    {
        using var api = new Api(_server);
        var times = new List<double>();
        for (int i = 0; i < 200; i++)
        {
            var watch = Stopwatch.StartNew();
            var reply = await api.Get("ad_accounts/" + api.Account);
            times.Add(watch.Elapsed.TotalMilliseconds);
            Assert.Equal(200, reply.Status);
        }

        var stats = _server.WireStats;
        Assert.Equal(1, stats.AcceptedConnections);
        Assert.Equal(stats.AcceptedConnections, stats.NoDelayConnections);
        Assert.Equal(200, stats.Responses);
        Assert.Equal(stats.Responses, stats.ResponseWrites);

        // Generous bound: a headers/body split would stall ~40 ms per call on delayed ACKs.
        times.Sort();
        Assert.True(times[times.Count / 2] < 20, "median " + times[times.Count / 2] + " ms");
    }

    [Fact]
    public async Task Chunked_bodies_and_pipelined_requests_on_a_raw_socket()
    {
        string token = _server.IssueAccessToken();
        string account = _server.DefaultAdAccountId;
        string json = "[{\"ad_account_id\":\"" + account + "\",\"name\":\"chunky\",\"objective_type\":\"AWARENESS\"}]";
        string chunked = json.Substring(0, 10).Length.ToString("x") + "\r\n" + json.Substring(0, 10) + "\r\n"
            + (json.Length - 10).ToString("x") + "\r\n" + json.Substring(10) + "\r\n0\r\n\r\n";
        string requests =
            $"POST /v5/ad_accounts/{account}/campaigns HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n{chunked}"
            + $"GET /v5/ad_accounts/{account} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\nConnection: close\r\n\r\n";

        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", _server.Port);
        var stream = client.GetStream();
        byte[] bytes = Encoding.ASCII.GetBytes(requests);
        await stream.WriteAsync(bytes);
        string all = await new StreamReader(stream, Encoding.UTF8).ReadToEndAsync();

        Assert.Equal(2, CountOf(all, "HTTP/1.1 200 OK"));
        Assert.Contains("\"name\":\"chunky\"", all);
        Assert.Contains("Connection: close", all);
        Assert.Equal(1, _server.CountEntities(account, "campaigns", "chunky"));
    }

    [Fact]
    public async Task Expect_100_continue_is_answered()
    {
        using var api = new Api(_server);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"ad_accounts/{api.Account}/campaigns")
        {
            Content = new StringContent("[" + api.Campaign("continued").ToJsonString() + "]", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", api.Token);
        request.Headers.ExpectContinue = true;
        using var response = await api.Client.SendAsync(request);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(1, _server.CountEntities(api.Account, "campaigns", "continued"));
    }

    [Fact]
    public async Task Malformed_request_line_is_a_400_and_close()
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", _server.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes("NONSENSE\r\n\r\n"));
        string all = await new StreamReader(stream).ReadToEndAsync();
        Assert.StartsWith("HTTP/1.1 400", all);
    }

    [Fact]
    public async Task Many_concurrent_clients_are_served()
    {
        string token = _server.IssueAccessToken();
        var tasks = Enumerable.Range(0, 16).Select(async i =>
        {
            using var api = new Api(_server, token);
            for (int n = 0; n < 20; n++)
            {
                var reply = await api.Post($"ad_accounts/{api.Account}/campaigns", new System.Text.Json.Nodes.JsonArray(api.Campaign($"c{i}-{n}")));
                Assert.Equal(200, reply.Status);
            }
        });
        await Task.WhenAll(tasks);
        Assert.Equal(320, _server.CountEntities(_server.DefaultAdAccountId, "campaigns"));
        Assert.Equal(320, _server.Requests.Select(r => r.RequestId).Distinct().Count());
    }

    private static int CountOf(string text, string value)
    {
        int count = 0;
        for (int i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
