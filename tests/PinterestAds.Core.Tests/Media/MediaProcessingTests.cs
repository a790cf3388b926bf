using System.Net;
using System.Text;
using PinterestAds.Core.Ads;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Http;
using PinterestAds.Core.Media;
using PinterestAds.Core.Resilience;
using PinterestAds.Core.Session;
using PinterestAds.Core.Tests.Resilience;
using PinterestAds.Core.Uploads;
using Xunit;

namespace PinterestAds.Core.Tests.Media;

/// <summary>
/// The wait for Pinterest to process an upload, on virtual time: polls at once, then 1 s apart,
/// doubling to at most 10 s; the deadline gets a last poll; failed and timed-out media are
/// errors that name the file and the media.
/// </summary>
public sealed class MediaProcessingTests : IDisposable
{
    private const string MediaId = "5212123920967240772";

    private readonly AutoAdvancingTime _time = new();
    private readonly string _path = Path.Combine(Path.GetTempPath(), "pinads-processing-" + Guid.NewGuid().ToString("N") + ".mp4");

    public MediaProcessingTests() => File.WriteAllBytes(_path, new byte[64]);

    public void Dispose() => File.Delete(_path);

    [Fact]
    public async Task PollsAtOnceThenDoublesThePauseUpToTenSeconds()
    {
        var api = new MediaStatusApi(processingPolls: 7);
        var media = await Wait(api, TimeSpan.FromMinutes(10));

        Assert.Equal(MediaStatus.Succeeded, media.Status);
        Assert.Equal(_path, media.Path);
        Assert.Equal(8, api.Polls);
        Assert.Equal(new[] { 1.0, 2, 4, 8, 10, 10, 10 }, _time.Waits.Select(w => w.TotalSeconds));
    }

    [Fact]
    public async Task AtTheDeadlineSaysHowToCheckLater()
    {
        var api = new MediaStatusApi(processingPolls: int.MaxValue);
        var error = await Assert.ThrowsAsync<PinterestAdsException>(() => Wait(api, TimeSpan.FromSeconds(30)));

        Assert.Equal("mediaProcessingTimedOut", error.ErrorId);
        Assert.Contains($"'{_path}' was uploaded as media {MediaId}", error.Message);
        Assert.Contains($"Get-PinMedia -MediaId {MediaId}", error.Message);

        // 1 + 2 + 4 + 8 + 10 = 25 s, then the 5 s left, so the last poll falls on the deadline.
        Assert.Equal(new[] { 1.0, 2, 4, 8, 10, 5 }, _time.Waits.Select(w => w.TotalSeconds));
        Assert.Equal(7, api.Polls);
    }

    [Fact]
    public async Task FailedMediaNamesTheFileAndTheMedia()
    {
        var api = new MediaStatusApi(processingPolls: 1, outcome: MediaStatus.Failed);
        var error = await Assert.ThrowsAsync<PinterestAdsException>(() => Wait(api, TimeSpan.FromMinutes(10)));

        Assert.Equal("mediaProcessingFailed", error.ErrorId);
        Assert.Contains($"'{_path}' (media {MediaId})", error.Message);
        Assert.Equal(2, api.Polls);
    }

    [Fact]
    public async Task WithoutWaitingReturnsTheFirstAnswer()
    {
        var api = new MediaStatusApi(processingPolls: 5);
        var media = await MediaProcessing.WaitAsync(Context(api), PinterestId.ParseContentId("MediaId", MediaId), UploadFile.Open("Path", _path), new MediaWait(untilProcessed: false, TimeSpan.FromMinutes(1)), Meter(), new RecordingObserver(), CancellationToken.None);

        Assert.Equal(MediaStatus.Processing, media.Status);
        Assert.Equal(1, api.Polls);
        Assert.Empty(_time.Waits);
    }

    private Task<VideoMedia> Wait(MediaStatusApi api, TimeSpan timeout) =>
        MediaProcessing.WaitAsync(Context(api), PinterestId.ParseContentId("MediaId", MediaId), UploadFile.Open("Path", _path), new MediaWait(untilProcessed: true, timeout), Meter(), new RecordingObserver(), CancellationToken.None);

    private ProgressMeter Meter() => new(UploadFile.Open("Path", _path), new IgnoredProgress());

    private PinterestAdsContext Context(HttpMessageHandler api)
    {
        var endpoint = ApiEndpoint.Parse("http://127.0.0.1:9/v5", "ApiBaseUri");
        var transport = new ApiTransport(endpoint, "client", new HttpClient(api), new CountingLimiter());
        var context = new PinterestAdsContext("client", endpoint, new RequestPipeline(transport, new FixedToken(), new RetryingAttemptStrategy(new RetryOptions())));
        context.Budget.TimeProvider = _time;
        return context;
    }

    private sealed class IgnoredProgress : IUploadProgress
    {
        public void Report(UploadProgress progress)
        {
        }
    }

    /// <summary>GET /media/{id}: "processing" for the first polls, then the outcome.</summary>
    private sealed class MediaStatusApi(int processingPolls, string outcome = MediaStatus.Succeeded) : HttpMessageHandler
    {
        public int Polls { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Assert.Equal($"/v5/media/{MediaId}", request.RequestUri!.AbsolutePath);
            string status = Polls++ < processingPolls ? MediaStatus.Processing : outcome;
            string json = $"{{\"media_id\":\"{MediaId}\",\"media_type\":\"video\",\"status\":\"{status}\"}}";
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") });
        }
    }
}
