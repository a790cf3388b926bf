using System.Text.Json.Nodes;

namespace PinterestAds.Testing.Tests.Pins;

public sealed class PinTests : ApiTest
{
    private static readonly string Jpeg = Convert.ToBase64String([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1]);
    private static readonly string Png = Convert.ToBase64String([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, (byte)'I', (byte)'H', (byte)'D', (byte)'R']);
    private static readonly string Gif = Convert.ToBase64String("GIF89a............"u8.ToArray());

    private async Task<string> Board()
    {
        var reply = await Api.Post("boards", new JsonObject { ["name"] = "b" + Guid.NewGuid().ToString("N")[..6] });
        return (string)reply.Json!["id"]!;
    }

    private static JsonObject Pin(string board, JsonObject source, string title = "t") => new()
    {
        ["board_id"] = board,
        ["title"] = title,
        ["link"] = "https://example.com/p",
        ["media_source"] = source,
    };

    private static JsonArray Slides(int count, Func<int, JsonObject> slide) => new(Enumerable.Range(0, count).Select(i => (JsonNode)slide(i)).ToArray());

    [Fact]
    public async Task Every_source_type_makes_a_pin_with_its_media_and_creative_type()
    {
        string board = await Board();
        string video = Server.Media.AddProcessedVideo();
        var shapes = new (JsonObject Source, string CreativeType, string MediaType)[]
        {
            (new() { ["source_type"] = "image_url", ["url"] = "https://example.com/a.jpg" }, "REGULAR", "image"),
            (new() { ["source_type"] = "image_base64", ["content_type"] = "image/jpeg", ["data"] = Jpeg }, "REGULAR", "image"),
            (new() { ["source_type"] = "video_id", ["media_id"] = video, ["cover_image_url"] = "https://example.com/c.jpg" }, "VIDEO", "video"),
            (new() { ["source_type"] = "video_id", ["media_id"] = video, ["cover_image_key_frame_time"] = 3 }, "VIDEO", "video"),
            (new() { ["source_type"] = "video_id", ["media_id"] = video, ["cover_image_content_type"] = "image/png", ["cover_image_data"] = Png }, "VIDEO", "video"),
            (new() { ["source_type"] = "multiple_image_urls", ["items"] = Slides(2, i => new() { ["url"] = $"https://example.com/{i}.jpg", ["title"] = $"s{i}" }) }, "CAROUSEL", "multiple_images"),
            (new() { ["source_type"] = "multiple_image_base64", ["items"] = Slides(5, i => new() { ["content_type"] = "image/png", ["data"] = Png }) }, "CAROUSEL", "multiple_images"),
            (new() { ["source_type"] = "pin_url", ["is_affiliate_link"] = false }, "REGULAR", "image"),
        };

        foreach (var (source, creativeType, mediaType) in shapes)
        {
            var reply = await Api.Post("pins", Pin(board, source));
            Assert.True(reply.Status == 201, reply.ToString());
            Assert.Equal(creativeType, (string)reply.Json!["creative_type"]!);
            Assert.Equal(mediaType, (string)reply.Json!["media"]!["media_type"]!);
            Assert.Equal(board, (string)reply.Json!["board_id"]!);
            Assert.Equal(reply.Json!.ToJsonString(), (await Api.Get("pins/" + reply.Json!["id"])).Json!.ToJsonString());
        }

        var carousel = (await Api.Get("pins?page_size=250")).Json!["items"]!.AsArray()[5]!;
        Assert.Equal("s1", (string)carousel["media"]!["items"]![1]!["title"]!);
        Assert.Equal(shapes.Length, (int)(await Api.Get("boards/" + board)).Json!["pin_count"]!);
        Assert.Equal(shapes.Length, (await Api.Get($"boards/{board}/pins?page_size=250")).Json!["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task Bad_sources_are_refused_with_nothing_created()
    {
        string board = await Board();
        string processing = (string)(await Api.Post("media", new JsonObject { ["media_type"] = "video" })).Json!["media_id"]!;
        string failed = Server.Media.AddProcessedVideo(succeeded: false);
        string ok = Server.Media.AddProcessedVideo();
        var bad = new (JsonObject Source, string Message)[]
        {
            (new() { ["source_type"] = "image_url", ["url"] = "ftp://example.com/a.jpg" }, "valid URL"),
            (new() { ["source_type"] = "image_base64", ["content_type"] = "image/jpeg", ["data"] = Png }, "not a JPEG"),
            (new() { ["source_type"] = "image_base64", ["content_type"] = "image/gif", ["data"] = Gif }, "content_type"),
            (new() { ["source_type"] = "video_id", ["media_id"] = "42", ["cover_image_url"] = "https://example.com/c.jpg" }, "media_id not found"),
            (new() { ["source_type"] = "video_id", ["media_id"] = processing, ["cover_image_url"] = "https://example.com/c.jpg" }, "media_id not found"),
            (new() { ["source_type"] = "video_id", ["media_id"] = failed, ["cover_image_url"] = "https://example.com/c.jpg" }, "media_id not found"),
            (new() { ["source_type"] = "video_id", ["media_id"] = ok }, "exactly one cover"),
            (new() { ["source_type"] = "video_id", ["media_id"] = ok, ["cover_image_url"] = "https://example.com/c.jpg", ["cover_image_key_frame_time"] = 1 }, "exactly one cover"),
            (new() { ["source_type"] = "multiple_image_urls", ["items"] = Slides(1, i => new() { ["url"] = "https://example.com/a.jpg" }) }, "between 2 and 5"),
            (new() { ["source_type"] = "multiple_image_urls", ["items"] = Slides(6, i => new() { ["url"] = "https://example.com/a.jpg" }) }, "between 2 and 5"),
            (new() { ["source_type"] = "idea_pin" }, "source_type"),
        };

        foreach (var (source, message) in bad)
        {
            var reply = await Api.Post("pins", Pin(board, source));
            Assert.True(reply.Status == 400, source.ToJsonString() + " -> " + reply);
            Assert.Contains(message, reply.Text);
        }

        Assert.Equal(0, Server.PinCount);
    }

    [Theory]
    [InlineData("title", 100)]
    [InlineData("description", 800)]
    [InlineData("link", 2048)]
    [InlineData("alt_text", 500)]
    public async Task Field_limits_are_400s(string field, int limit)
    {
        string board = await Board();
        var pin = Pin(board, new JsonObject { ["source_type"] = "image_url", ["url"] = "https://example.com/a.jpg" });
        string Text(int length) => field == "link" ? "https://example.com/" + new string('a', length - 20) : new string('a', length);

        pin[field] = Text(limit);
        Assert.Equal(201, (await Api.Post("pins", pin)).Status);
        pin[field] = Text(limit + 1);
        var refused = await Api.Post("pins", pin);
        Assert.Equal(400, refused.Status);
        Assert.Contains(field, refused.Text);
        Assert.Equal(1, Server.PinCount);
    }

    [Fact]
    public async Task A_missing_board_a_missing_scope_and_trial_access_are_pinterest_errors()
    {
        var image = new JsonObject { ["source_type"] = "image_url", ["url"] = "https://example.com/a.jpg" };
        var noBoard = await Api.Post("pins", Pin("123", image));
        Assert.Equal(404, noBoard.Status);
        Assert.Equal(40, noBoard.Code);

        string board = await Board();
        var badAccount = await Api.Post("pins?ad_account_id=1", Pin(board, (JsonObject)image.DeepClone()));
        Assert.Equal(404, badAccount.Status);
        Assert.Equal(201, (await Api.Post("pins?ad_account_id=" + Api.Account, Pin(board, (JsonObject)image.DeepClone()))).Status);

        Server.TrialAccess = true;
        var trial = await Api.Post("pins", Pin(board, (JsonObject)image.DeepClone()));
        Assert.Equal(403, trial.Status);
        Assert.Equal(29, trial.Code);
        Assert.StartsWith("Apps with Trial access may not create Pins in production", (string)trial.Json!["message"]!);

        Server.TrialAccess = false;
        Api.Token = Server.IssueAccessToken("ads:read", "ads:write", "pins:read", "pins:write", "user_accounts:read");
        var scope = await Api.Post("pins", Pin(board, (JsonObject)image.DeepClone()));
        Assert.Equal(403, scope.Status);
        Assert.Equal(3, scope.Code);
        Assert.Equal(1, Server.PinCount);

        Api.Token = Server.IssueAccessToken();
        var unknown = await Api.Get("pins/1");
        Assert.Equal(404, unknown.Status);
        Assert.Equal(50, unknown.Code);
    }

    [Fact]
    public async Task Faults_apply_to_pin_writes()
    {
        string board = await Board();
        Server.Faults.DropAfterCommit("POST", "/pins");
        await Assert.ThrowsAsync<HttpRequestException>(() => Api.Post("pins", Pin(board, new JsonObject { ["source_type"] = "image_url", ["url"] = "https://example.com/a.jpg" }, "lost")));
        var onBoard = (await Api.Get($"boards/{board}/pins")).Json!["items"]!.AsArray();
        Assert.Equal("lost", (string)onBoard.Single()!["title"]!);
    }
}
