using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PinterestAds.Testing.Ads;
using PinterestAds.Testing.Json;
using PinterestAds.Testing.Media;

namespace PinterestAds.Testing.Pins
{
    /// <summary>
    /// A pin's <c>media_source</c> (spec PinMediaSource, discriminated by <c>source_type</c>):
    /// checked the way Pinterest checks it (URLs that are URLs, base64 that is a JPEG or PNG, a
    /// video that finished processing, 2-5 carousel items, one cover), and turned into the pin's
    /// <c>media</c> and <c>creative_type</c>.
    /// </summary>
    internal sealed class MediaSource
    {
        public const string InvalidUrl = "Whoops! It looks like you entered an invalid URL. Try creating a Pin again with a valid URL.";

        private static readonly string[] SourceTypes = { "image_url", "image_base64", "video_id", "multiple_image_urls", "multiple_image_base64", "pin_url" };
        private static readonly string[] ImageTypes = { "image/jpeg", "image/png" };
        private static readonly Regex Base64 = new Regex("^[a-zA-Z0-9+/=]+$", RegexOptions.CultureInvariant);

        private MediaSource(string creativeType, JsonObject media)
        {
            CreativeType = creativeType;
            Media = media;
        }

        /// <summary>REGULAR, VIDEO or CAROUSEL.</summary>
        public string CreativeType { get; }

        /// <summary>The response's <c>media</c> (PinMedia).</summary>
        public JsonObject Media { get; }

        public static MediaSource Parse(JsonNode? node, MediaStore media, DateTimeOffset now)
        {
            if (!(node is JsonObject source))
            {
                throw Invalid("Missing required parameter 'media_source': give an object with a source_type.");
            }

            string? type = JsonFields.String(source, "source_type");
            switch (type)
            {
                case "image_url":
                    return new MediaSource("REGULAR", Image(Url(source, "url", "media_source.url")));
                case "image_base64":
                    return new MediaSource("REGULAR", Image(InlineImage(source, "media_source")));
                case "video_id":
                    return Video(source, media, now);
                case "multiple_image_urls":
                    return Carousel(source, (item, at) => Url(item, "url", at + ".url"));
                case "multiple_image_base64":
                    return Carousel(source, (item, at) => InlineImage(item, at));
                case "pin_url":
                    return new MediaSource("REGULAR", Image(Hosted("pin_url")));
                default:
                    throw Invalid("Invalid parameter 'media_source.source_type': " + (type == null ? "missing" : "'" + type + "'") + " is not one of " + string.Join(", ", SourceTypes) + ".");
            }
        }

        /// <summary>An absolute http(s) URL, or the error Pinterest gives for anything else.</summary>
        public static bool IsWebUrl(string? text) =>
            Uri.TryCreate(text, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Host.Length > 0;

        private static MediaSource Video(JsonObject source, MediaStore store, DateTimeOffset now)
        {
            string? mediaId = JsonFields.String(source, "media_id");
            if (mediaId == null || !mediaId.All(char.IsDigit) || mediaId.Length == 0)
            {
                throw Invalid("Missing required parameter 'media_source.media_id': the media_id of an uploaded video.");
            }

            // Pinterest answers the same for an unknown id and for a video still processing (or failed).
            MediaRecord? record = store.Find(mediaId);
            if (record == null || store.Status(record, now, countPoll: false) != MediaStatus.Succeeded)
            {
                throw Invalid("media_id not found");
            }

            string[] covers = { "cover_image_url", "cover_image_data", "cover_image_key_frame_time" };
            string[] given = covers.Where(c => source.ContainsKey(c) && !JsonFields.IsNull(source[c])).ToArray();
            if (given.Length != 1)
            {
                throw Invalid("A video pin needs exactly one cover: cover_image_url, cover_image_data with cover_image_content_type, or cover_image_key_frame_time (got " + (given.Length == 0 ? "none" : string.Join(", ", given)) + ").");
            }

            string coverUrl;
            switch (given[0])
            {
                case "cover_image_url":
                    coverUrl = Url(source, "cover_image_url", "media_source.cover_image_url");
                    break;
                case "cover_image_data":
                    var cover = new JsonObject { ["content_type"] = source["cover_image_content_type"]?.DeepClone(), ["data"] = source["cover_image_data"]?.DeepClone() };
                    coverUrl = InlineImage(cover, "media_source.cover_image");
                    break;
                default:
                    long? seconds = JsonFields.Long(source, "cover_image_key_frame_time");
                    if (seconds == null || seconds < 0)
                    {
                        throw Invalid("Invalid parameter 'media_source.cover_image_key_frame_time': a whole number of seconds, 0 or more.");
                    }

                    coverUrl = Hosted(mediaId + "/" + seconds);
                    break;
            }

            var media = Image(coverUrl);
            media["media_type"] = "video";
            media["cover_image_url"] = coverUrl.StartsWith("http", StringComparison.Ordinal) ? coverUrl : "https://i.pinimg.com/originals/" + coverUrl;
            media["video_url"] = null;
            media["duration"] = null;
            media["height"] = null;
            media["width"] = null;
            return new MediaSource("VIDEO", media);
        }

        private static MediaSource Carousel(JsonObject source, Func<JsonObject, string, string> imageOf)
        {
            if (!(source["items"] is JsonArray items) || items.Count < 2 || items.Count > 5)
            {
                int count = source["items"] is JsonArray a ? a.Count : 0;
                throw Invalid("Invalid parameter 'media_source.items': a carousel has between 2 and 5 images (got " + count + ").");
            }

            var rendered = new JsonArray();
            for (int i = 0; i < items.Count; i++)
            {
                string at = "media_source.items[" + i + "]";
                if (!(items[i] is JsonObject item))
                {
                    throw Invalid("Invalid parameter '" + at + "': each item is an object.");
                }

                string? link = JsonFields.String(item, "link");
                if (link != null && !IsWebUrl(link))
                {
                    throw Invalid(InvalidUrl);
                }

                var slide = Image(imageOf(item, at));
                slide.Remove("media_type");
                slide["item_type"] = "image";
                slide["title"] = JsonFields.String(item, "title");
                slide["description"] = JsonFields.String(item, "description");
                slide["link"] = link;
                rendered.Add(slide);
            }

            return new MediaSource("CAROUSEL", new JsonObject { ["media_type"] = "multiple_images", ["items"] = rendered });
        }

        private static string Url(JsonObject source, string field, string name)
        {
            string? url = JsonFields.String(source, field);
            if (url == null)
            {
                throw Invalid("Missing required parameter '" + name + "'.");
            }

            return IsWebUrl(url) ? url : throw Invalid(InvalidUrl);
        }

        /// <summary>Checks content_type and data and returns where Pinterest would host the image.</summary>
        private static string InlineImage(JsonObject source, string name)
        {
            string? contentType = JsonFields.String(source, "content_type");
            if (contentType == null || !ImageTypes.Contains(contentType))
            {
                throw Invalid("Invalid parameter '" + name + ".content_type': " + (contentType ?? "missing") + " is not one of image/jpeg, image/png.");
            }

            string? data = JsonFields.String(source, "data");
            if (string.IsNullOrEmpty(data) || !Base64.IsMatch(data))
            {
                throw Invalid("Invalid parameter '" + name + ".data': base64 image bytes are required.");
            }

            string? problem = ImageSignature.Problem(contentType, data!);
            return problem == null ? Hosted(data!) : throw Invalid("Invalid parameter '" + name + ".data': " + problem + ".");
        }

        /// <summary>Pinterest copies images to its CDN: an i.pinimg.com address derived from the source.</summary>
        private static string Hosted(string source)
        {
            using (var sha = SHA256.Create())
            {
                string hex = BitConverter.ToString(sha.ComputeHash(Encoding.UTF8.GetBytes(source)), 0, 16).Replace("-", string.Empty).ToLowerInvariant();
                return hex.Substring(0, 2) + "/" + hex.Substring(2, 2) + "/" + hex.Substring(4, 2) + "/" + hex + ".jpg";
            }
        }

        private static JsonObject Image(string url)
        {
            string path = url.StartsWith("http", StringComparison.Ordinal) ? Hosted(url) : url;
            JsonObject Size(string name, int width, int height) => new JsonObject { ["width"] = width, ["height"] = height, ["url"] = "https://i.pinimg.com/" + name + "/" + path };
            return new JsonObject
            {
                ["media_type"] = "image",
                ["images"] = new JsonObject
                {
                    ["150x150"] = Size("150x150", 150, 150),
                    ["400x300"] = Size("400x300", 400, 300),
                    ["600x"] = Size("600x", 600, 900),
                    ["1200x"] = Size("1200x", 1200, 1800),
                },
            };
        }

        private static ApiErrorException Invalid(string message) => new ApiErrorException(400, 1, message);
    }
}
