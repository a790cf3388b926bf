using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using PinterestAds.Core.Ads;
using PinterestAds.Core.Ads.Inputs;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Uploads;

namespace PinterestAds.Core.Pins
{
    /// <summary>
    /// Checks a creative before anything is sent (FACTS §8): which parameters the -Type takes,
    /// the spec's field limits (title 100, description 800, link 2048, alt text 500), http(s)
    /// addresses, JPEG or PNG files, 2-5 slides, one cover for a video, and how an Idea Pin's
    /// pages map onto v5 (<see cref="IdeaPinMapping"/>). Errors name the parameter and the rule.
    /// </summary>
    public static class CreativeRequests
    {
        public const int MaxTitle = 100;
        public const int MaxDescription = 800;
        public const int MaxAltText = 500;

        public static CreativeRequest Check(ICreativeFields f, PathResolver resolve)
        {
            RefuseWhatDoesNotApply(f);
            var boardId = PinterestId.ParseContentId(nameof(f.BoardId), f.BoardId);
            string? title = f.Title, description = f.Description, link = f.Link;
            JsonObject? source = null;
            PendingVideo? video = null;
            string? mapping = null;
            switch (f.Type)
            {
                case PinType.Image:
                    RequireOne(f.Type, (nameof(f.ImageUrl), f.ImageUrl), (nameof(f.ImagePath), f.ImagePath));
                    source = MediaSources.Image(f.ImageUrl != null ? nameof(f.ImageUrl) : nameof(f.ImagePath), string.Empty, f.ImageUrl, f.ImagePath, resolve);
                    break;
                case PinType.Video:
                    RequireOne(f.Type, (nameof(f.MediaId), f.MediaId), (nameof(f.VideoPath), f.VideoPath));
                    video = f.MediaId != null
                        ? new PendingVideo(nameof(f.MediaId), PinterestId.ParseContentId(nameof(f.MediaId), f.MediaId), null, Cover(f, resolve))
                        : new PendingVideo(nameof(f.VideoPath), null, UploadFile.Open(nameof(f.VideoPath), resolve(nameof(f.VideoPath), f.VideoPath!)), Cover(f, resolve));
                    break;
                case PinType.Carousel:
                    var slides = PinItem.ReadAll(nameof(f.Slide), "slide", f.Slide ?? new object?[0], PinItem.SlideKeys);
                    if (slides.Length < MediaSources.MinSlides || slides.Length > MediaSources.MaxSlides)
                    {
                        throw PinterestAdsException.InvalidArgument(nameof(f.Slide), $"a carousel has {MediaSources.MinSlides} to {MediaSources.MaxSlides} slides; {slides.Length} were given.", slides.Length);
                    }

                    source = MediaSources.Carousel(slides, resolve);
                    break;
                default:
                    var idea = IdeaPinMapping.Map(f, resolve);
                    (source, video, mapping) = (idea.Source, idea.Video, idea.Description);
                    (title, description, link) = (title ?? idea.Title, description ?? idea.PageDescription, link ?? idea.Link);
                    break;
            }

            var fields = new BodyBuilder()
                .Id("board_id", boardId)
                .Text("title", nameof(f.Title), title, MaxTitle)
                .Text("description", nameof(f.Description), description, MaxDescription)
                .Url("link", nameof(f.Link), link, webOnly: true)
                .Text("alt_text", nameof(f.AltText), f.AltText, MaxAltText)
                .Body;
            return new CreativeRequest(f.Type, boardId, fields, source, video, mapping);
        }

        /// <summary>A video pin's cover: exactly one of an image address, an image file, or a moment of the video.</summary>
        internal static JsonObject Cover(ICreativeFields f, PathResolver resolve)
        {
            string given = RequireOne(
                PinType.Video,
                (nameof(f.CoverImageUrl), f.CoverImageUrl),
                (nameof(f.CoverImagePath), f.CoverImagePath),
                (nameof(f.CoverKeyFrameTime), f.CoverKeyFrameTime?.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            switch (given)
            {
                case nameof(f.CoverImageUrl):
                    return new JsonObject { ["cover_image_url"] = BodyBuilder.CheckUrl(given, f.CoverImageUrl!, webOnly: true) };
                case nameof(f.CoverImagePath):
                    var image = ImageFile.Read(given, string.Empty, resolve(given, f.CoverImagePath!));
                    return new JsonObject { ["cover_image_content_type"] = image.ContentType, ["cover_image_data"] = image.Data };
                default:
                    int seconds = f.CoverKeyFrameTime!.Value;
                    return seconds >= 0
                        ? new JsonObject { ["cover_image_key_frame_time"] = seconds }
                        : throw PinterestAdsException.InvalidArgument(given, $"{seconds} is not a moment of the video: give the seconds from its start, 0 or more.", seconds);
            }
        }

        /// <summary>
        /// Exactly one of <paramref name="options"/> must be given; returns its name. None is an
        /// error naming the first, two an error naming the second.
        /// </summary>
        private static string RequireOne(PinType type, params (string Parameter, string? Value)[] options)
        {
            var given = options.Where(o => o.Value != null).ToArray();
            string all = string.Join(", ", options.Take(options.Length - 1).Select(o => "-" + o.Parameter)) + " or -" + options[options.Length - 1].Parameter;
            if (given.Length == 0)
            {
                throw PinterestAdsException.InvalidArgument(options[0].Parameter, $"-{nameof(ICreativeFields.Type)} {type} needs one of {all}.");
            }

            if (given.Length > 1)
            {
                throw PinterestAdsException.InvalidArgument(given[1].Parameter, $"cannot be given together with -{given[0].Parameter}: give one of {all}.", given[1].Value);
            }

            return given[0].Parameter;
        }

        /// <summary>A shape parameter the -Type does not use is an error, not silently ignored (a carousel given -ImageUrl was most likely meant otherwise).</summary>
        private static void RefuseWhatDoesNotApply(ICreativeFields f)
        {
            var cover = new[] { nameof(f.CoverImageUrl), nameof(f.CoverImagePath), nameof(f.CoverKeyFrameTime) };
            var (takes, says) = f.Type switch
            {
                PinType.Image => (new[] { nameof(f.ImageUrl), nameof(f.ImagePath) }, "an image pin takes -ImageUrl or -ImagePath"),
                PinType.Video => (new[] { nameof(f.MediaId), nameof(f.VideoPath) }.Concat(cover).ToArray(), "a video pin takes -MediaId or -VideoPath, and a cover"),
                PinType.Carousel => (new[] { nameof(f.Slide) }, "a carousel takes -Slide"),
                _ => (new[] { nameof(f.Page) }.Concat(cover).ToArray(), "an Idea Pin takes -Page, and a cover for a video page"),
            };

            var shapeParameters = new (string Name, bool Given)[]
            {
                (nameof(f.ImageUrl), f.ImageUrl != null),
                (nameof(f.ImagePath), f.ImagePath != null),
                (nameof(f.MediaId), f.MediaId != null),
                (nameof(f.VideoPath), f.VideoPath != null),
                (nameof(f.CoverImageUrl), f.CoverImageUrl != null),
                (nameof(f.CoverImagePath), f.CoverImagePath != null),
                (nameof(f.CoverKeyFrameTime), f.CoverKeyFrameTime != null),
                (nameof(f.Slide), f.Slide != null),
                (nameof(f.Page), f.Page != null),
            };
            foreach (var (name, given) in shapeParameters)
            {
                if (given && !takes.Contains(name))
                {
                    throw PinterestAdsException.InvalidArgument(name, $"does not apply to -{nameof(f.Type)} {f.Type}: {says}.");
                }
            }
        }
    }
}
