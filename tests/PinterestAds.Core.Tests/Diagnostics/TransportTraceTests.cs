using System.Collections.Concurrent;
using System.Net.Http.Headers;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Http;
using PinterestAds.Core.Tests.Resilience;
using Xunit;

namespace PinterestAds.Core.Tests.Diagnostics;

public sealed class TransportTraceTests
{
    [Fact]
    public async Task Without_debug_output_the_transport_never_builds_a_trace()
    {
        var observer = new DebugProbe(enabled: false);

        var response = await Send(observer);

        Assert.True(response.IsSuccess);
        Assert.Empty(observer.Debugs);
    }

    [Fact]
    public async Task With_debug_output_the_transport_traces_request_and_response_redacted()
    {
        var observer = new DebugProbe(enabled: true);

        await Send(observer);

        Assert.Equal(2, observer.Debugs.Count);
        var all = string.Join("\n", observer.Debugs);
        Assert.Contains("/ad_accounts/549755885175/campaigns", all);
        Assert.Contains("(attempt 1)", all);
        Assert.Contains("Authorization: <redacted>", all);
        Assert.DoesNotContain("secret-access-token", all);
    }

    private static Task<ApiResponse> Send(ICallObserver observer)
    {
        var transport = new ApiTransport(TestPipelines.Endpoint, TestPipelines.ClientId, new HttpClient(new FakeApi()), new CountingLimiter());
        return transport.SendAsync(TestPipelines.CreateCampaign(), new AuthenticationHeaderValue("Bearer", "secret-access-token"), attempt: 1, observer, default);
    }

    private sealed class DebugProbe : ICallObserver
    {
        public DebugProbe(bool enabled) => DebugEnabled = enabled;

        public bool DebugEnabled { get; }

        public ConcurrentQueue<string> Debugs { get; } = new();

        public void Verbose(string message)
        {
        }

        public void Debug(string message) => Debugs.Enqueue(message);

        public void Warning(string message)
        {
        }
    }
}
