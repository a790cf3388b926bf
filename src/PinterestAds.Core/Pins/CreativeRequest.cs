using System.Text.Json.Nodes;
using PinterestAds.Core.Ads;
using PinterestAds.Core.Uploads;

namespace PinterestAds.Core.Pins
{
    /// <summary>
    /// A pin create whose input has been checked (nothing is sent for input that fails): the
    /// body's fields, its media source (ready, or for a video still to be checked or uploaded),
    /// and which shape it is. Made by <see cref="CreativeRequests.Check"/>.
    /// </summary>
    public sealed class CreativeRequest
    {
        internal CreativeRequest(PinType type, PinterestId boardId, JsonObject fields, JsonObject? source, PendingVideo? video, string? mapping)
        {
            Type = type;
            BoardId = boardId;
            Fields = fields;
            Source = source;
            Video = video;
            Mapping = mapping;
        }

        /// <summary>What was asked for (-Type).</summary>
        public PinType Type { get; }

        public PinterestId BoardId { get; }

        /// <summary>The v5 <c>source_type</c> sent: image_url, image_base64, video_id, multiple_image_urls or multiple_image_base64.</summary>
        public string PinShape => Video != null ? MediaSources.VideoId : (string)Source!["source_type"]!;

        /// <summary>For an Idea Pin, what its pages became, in words; null otherwise.</summary>
        public string? Mapping { get; }

        /// <summary>board_id, title, description, link, alt_text: everything but the media source.</summary>
        internal JsonObject Fields { get; }

        /// <summary>The media source, complete for images and carousels; null for a video.</summary>
        internal JsonObject? Source { get; }

        internal PendingVideo? Video { get; }

        /// <summary>The body of <c>POST /pins</c>, with <paramref name="mediaId"/> for a video.</summary>
        internal JsonObject Body(PinterestId? mediaId)
        {
            var body = (JsonObject)Fields.DeepClone();
            if (Video is PendingVideo video)
            {
                var source = new JsonObject { ["source_type"] = MediaSources.VideoId, ["media_id"] = mediaId!.Value.ToString() };
                foreach (var cover in video.Cover)
                {
                    source[cover.Key] = cover.Value?.DeepClone();
                }

                body["media_source"] = source;
            }
            else
            {
                body["media_source"] = Source!.DeepClone();
            }

            return body;
        }
    }

    /// <summary>A video pin's video before the pin is made: media to check (-MediaId) or a file to send first (-VideoPath), and its cover.</summary>
    internal sealed class PendingVideo
    {
        public PendingVideo(string parameter, PinterestId? mediaId, UploadFile? file, JsonObject cover)
        {
            Parameter = parameter;
            MediaId = mediaId;
            File = file;
            Cover = cover;
        }

        /// <summary>The parameter that named the video (MediaId, VideoPath or Page), for errors.</summary>
        public string Parameter { get; }

        public PinterestId? MediaId { get; }

        public UploadFile? File { get; }

        /// <summary>cover_image_url, cover_image_content_type with cover_image_data, or cover_image_key_frame_time.</summary>
        public JsonObject Cover { get; }
    }
}
