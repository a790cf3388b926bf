using System.Text.Json.Nodes;

namespace PinterestAds.Testing.Tests.Media;

public sealed class MediaUploadTests : ApiTest
{
    /// <summary>A plain client with no Pinterest headers, as an upload to S3 would use.</summary>
    private static readonly HttpClient Uploader = new();

    [Fact]
    public async Task Register_returns_an_upload_url_on_the_server_and_s3_policy_fields()
    {
        var media = await Uploads.Register(Api);

        Assert.Matches("^\\d+$", (string)media["media_id"]!);
        Assert.Equal("video", (string)media["media_type"]!);
        Assert.Equal(Server.UploadUri.ToString(), (string)media["upload_url"]!);
        var fields = media["upload_parameters"]!.AsObject().Select(f => f.Key).ToArray();
        Assert.Equal(new[] { "x-amz-date", "x-amz-signature", "x-amz-security-token", "x-amz-algorithm", "key", "policy", "x-amz-credential", "Content-Type" }, fields);
        Assert.Equal("registered", (string)(await Api.Get("media/" + media["media_id"])).Json!["status"]!);
    }

    [Fact]
    public async Task Register_refuses_other_media_types_and_missing_scopes()
    {
        var audio = await Api.Post("media", new JsonObject { ["media_type"] = "audio" });
        Assert.Equal(400, audio.Status);
        Assert.Contains("media_type", audio.Text);

        Api.Token = Server.IssueAccessToken("ads:read", "pins:read");
        var denied = await Api.Post("media", new JsonObject { ["media_type"] = "video" });
        Assert.Equal(403, denied.Status);
        Assert.Equal(3, denied.Code);
        Assert.Contains("pins:write", denied.Text);
    }

    [Fact]
    public async Task A_video_upload_goes_registered_processing_succeeded_over_polls()
    {
        Server.Media.ProcessingPolls = 2;
        var media = await Uploads.Register(Api);
        string id = (string)media["media_id"]!;

        using var response = await Uploads.Send(Uploader, media, Uploads.Video(10_000));
        Assert.Equal(204, (int)response.StatusCode);
        Assert.NotNull(response.Headers.ETag);

        var upload = Server.RequestsTo("POST", "/media-upload/").Single().Upload!;
        Assert.Equal(new[] { "x-amz-date", "x-amz-signature", "x-amz-security-token", "x-amz-algorithm", "key", "policy", "x-amz-credential", "Content-Type", "file" }, upload.FieldNames);
        Assert.True(upload.FieldsBeforeFile);
        Assert.Equal(10_000, upload.FileBytes);
        Assert.Equal("clip.mp4", upload.FileName);
        Assert.StartsWith("0000001866747970", upload.FileHead);
        Assert.True(upload.Completed);
        Assert.False(upload.HadAuthorization);
        Assert.Null(upload.ErrorCode);

        string[] statuses = new string[3];
        for (int i = 0; i < statuses.Length; i++)
        {
            statuses[i] = (string)(await Api.Get("media/" + id)).Json!["status"]!;
        }

        Assert.Equal(new[] { "processing", "processing", "succeeded" }, statuses);
        var info = Server.Media.GetMedia(id)!;
        Assert.Equal("mp4", info.DetectedFormat);
        Assert.Equal(10_000, info.UploadedBytes);
    }

    [Fact]
    public async Task Processing_can_end_by_server_time_instead_of_polls()
    {
        Server.Media.ProcessingPolls = 1000;
        Server.Media.ProcessingDelay = TimeSpan.FromMinutes(2);
        var media = await Uploads.Register(Api);
        using (await Uploads.Send(Uploader, media, Uploads.Video()))
        {
        }

        Assert.Equal("processing", (string)(await Api.Get("media/" + media["media_id"])).Json!["status"]!);
        Server.AdvanceClock(TimeSpan.FromMinutes(3));
        Assert.Equal("succeeded", (string)(await Api.Get("media/" + media["media_id"])).Json!["status"]!);
    }

    [Fact]
    public async Task Bytes_that_are_not_a_video_end_failed()
    {
        Server.Media.ProcessingPolls = 0;
        var media = await Uploads.Register(Api);
        using var response = await Uploads.Send(Uploader, media, new MemoryStream("%PDF-1.7 not a video"u8.ToArray()));
        Assert.Equal(204, (int)response.StatusCode);

        Assert.Equal("failed", (string)(await Api.Get("media/" + media["media_id"])).Json!["status"]!);
        Assert.Null(Server.Media.GetMedia((string)media["media_id"]!)!.DetectedFormat);
    }

    [Theory]
    [InlineData(new byte[] { 0x1A, 0x45, 0xDF, 0xA3, 0x42, 0x82, 0x84, (byte)'w', (byte)'e', (byte)'b', (byte)'m' }, "webm")]
    [InlineData(new byte[] { 0x1A, 0x45, 0xDF, 0xA3, 0x42, 0x82, 0x88, (byte)'m', (byte)'a', (byte)'t', (byte)'r' }, "mkv")]
    [InlineData(new byte[] { 0, 0, 0, 0x14, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'q', (byte)'t', (byte)' ', (byte)' ' }, "mov")]
    [InlineData(new byte[] { (byte)'R', (byte)'I', (byte)'F', (byte)'F', 0, 0, 0, 0, (byte)'A', (byte)'V', (byte)'I', (byte)' ' }, "avi")]
    public async Task Other_containers_are_recognised_as_video(byte[] head, string format)
    {
        Server.Media.ProcessingPolls = 0;
        var media = await Uploads.Register(Api);
        var bytes = new byte[2048];
        head.CopyTo(bytes, 0);
        using (await Uploads.Send(Uploader, media, new MemoryStream(bytes)))
        {
        }

        Assert.Equal("succeeded", (string)(await Api.Get("media/" + media["media_id"])).Json!["status"]!);
        Assert.Equal(format, Server.Media.GetMedia((string)media["media_id"]!)!.DetectedFormat);
    }

    [Fact]
    public async Task A_file_before_the_policy_fields_is_refused_like_s3_with_xml()
    {
        var media = await Uploads.Register(Api);
        using var response = await Uploads.Send(Uploader, media, Uploads.Video(), fileFirst: true);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
        string xml = await response.Content.ReadAsStringAsync();
        Assert.Contains("<Code>InvalidArgument</Code>", xml);
        Assert.Contains("Bucket POST must contain a field named 'key'", xml);
        var upload = Server.RequestsTo("POST", "/media-upload/").Single().Upload!;
        Assert.Equal(0, upload.FileFieldIndex);
        Assert.False(upload.FieldsBeforeFile);
        Assert.Equal("InvalidArgument", upload.ErrorCode);
        Assert.Equal("registered", Server.Media.GetMedia((string)media["media_id"]!)!.Status);
    }

    [Fact]
    public async Task A_bearer_token_on_the_upload_is_refused_without_echoing_it()
    {
        var media = await Uploads.Register(Api);
        using var response = await Uploads.Send(Uploader, media, Uploads.Video(), bearer: Api.Token);

        Assert.Equal(400, (int)response.StatusCode);
        string xml = await response.Content.ReadAsStringAsync();
        Assert.Contains("Unsupported Authorization Type", xml);
        Assert.DoesNotContain(Api.Token!, xml);
        Assert.True(Server.RequestsTo("POST", "/media-upload/").Single().Upload!.HadAuthorization);
        Assert.Equal("registered", Server.Media.GetMedia((string)media["media_id"]!)!.Status);
    }

    [Fact]
    public async Task Tampered_fields_and_expired_policies_are_access_denied()
    {
        var media = await Uploads.Register(Api);
        var tampered = (JsonObject)media.DeepClone();
        tampered["upload_parameters"]!["key"] = "uploads/someone-else";
        using (var response = await Uploads.Send(Uploader, tampered, Uploads.Video()))
        {
            Assert.Equal(403, (int)response.StatusCode);
            Assert.Contains("Invalid according to Policy", await response.Content.ReadAsStringAsync());
        }

        var forged = (JsonObject)media.DeepClone();
        forged["upload_parameters"]!["policy"] = "eyJmb3JnZWQiOnRydWV9";
        using (var response = await Uploads.Send(Uploader, forged, Uploads.Video()))
        {
            Assert.Contains("<Code>SignatureDoesNotMatch</Code>", await response.Content.ReadAsStringAsync());
        }

        Server.AdvanceClock(TimeSpan.FromHours(2));
        using (var response = await Uploads.Send(Uploader, media, Uploads.Video()))
        {
            Assert.Equal(403, (int)response.StatusCode);
            Assert.Contains("Policy expired", await response.Content.ReadAsStringAsync());
        }

        Assert.Equal("registered", Server.Media.GetMedia((string)media["media_id"]!)!.Status);
    }

    [Fact]
    public async Task A_dropped_upload_leaves_the_media_registered_and_the_url_reusable()
    {
        Server.Media.DropUploadAfter(200_000);
        var media = await Uploads.Register(Api);

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => Uploads.Send(Uploader, media, Uploads.Video(1_000_000)));
        var dropped = Server.RequestsTo("POST", "/media-upload/").Single();
        Assert.True(dropped.Dropped);
        Assert.False(dropped.Upload!.Completed);
        Assert.InRange(dropped.Upload.FileBytes, 200_000, 1_000_000 - 1);
        Assert.Equal("registered", Server.Media.GetMedia((string)media["media_id"]!)!.Status);

        using var retry = await Uploads.Send(Uploader, media, Uploads.Video(1_000_000));
        Assert.Equal(204, (int)retry.StatusCode);
        Assert.Equal(1_000_000, Server.Media.GetMedia((string)media["media_id"]!)!.UploadedBytes);
    }

    [Fact]
    public async Task Request_faults_apply_to_the_upload_host()
    {
        Server.Faults.InjectStatus("POST", "/media-upload", 503);
        var media = await Uploads.Register(Api);
        using (var failed = await Uploads.Send(Uploader, media, Uploads.Video(300_000)))
        {
            Assert.Equal(503, (int)failed.StatusCode);
        }

        using var ok = await Uploads.Send(Uploader, media, Uploads.Video(300_000));
        Assert.Equal(204, (int)ok.StatusCode);
        Assert.Equal(new int?[] { 503, 204 }, Server.RequestsTo("POST", "/media-upload/").Select(r => r.ResponseStatus));
    }

    [Fact]
    public async Task Media_list_pages_and_unknown_media_is_404()
    {
        for (int i = 0; i < 3; i++)
        {
            await Uploads.Register(Api);
        }

        var first = await Api.Get("media?page_size=2");
        Assert.Equal(2, first.Json!["items"]!.AsArray().Count);
        var second = await Api.Get("media?page_size=2&bookmark=" + (string)first.Json!["bookmark"]!);
        Assert.Single(second.Json!["items"]!.AsArray());
        Assert.Null(second.Json!["bookmark"]);
        Assert.Equal("registered", (string)second.Json!["items"]![0]!["status"]!);

        Assert.Equal(404, (await Api.Get("media/123")).Status);
    }
}
