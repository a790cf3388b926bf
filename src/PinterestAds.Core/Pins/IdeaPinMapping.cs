using System.Linq;
using System.Text.Json.Nodes;
using PinterestAds.Core.Ads;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Uploads;

namespace PinterestAds.Core.Pins
{
    /// <summary>
    /// API v5 has no Idea Pin source (FACTS §8), so an Idea Pin's pages are mapped onto the nearest
    /// shape it can create, and said so: one image page → an image pin, 2-5 image pages → a
    /// carousel (the pages' titles, descriptions and links on the slides), one video page → a video
    /// pin. Anything else (videos with images, several videos, more than 5 pages) would lose
    /// content, so it is refused before anything is sent. A one-page pin takes the page's title,
    /// description and link where the command gives none.
    /// </summary>
    internal sealed class IdeaPinMapping
    {
        private IdeaPinMapping(JsonObject? source, PendingVideo? video, string description, PinItem? single)
        {
            Source = source;
            Video = video;
            Description = description;
            Title = single?.Title;
            PageDescription = single?.Description;
            Link = single?.Link;
        }

        public JsonObject? Source { get; }

        public PendingVideo? Video { get; }

        /// <summary>What the pages became: "3 image pages → a carousel (multiple_image_urls)".</summary>
        public string Description { get; }

        public string? Title { get; }

        public string? PageDescription { get; }

        public string? Link { get; }

        public static IdeaPinMapping Map(ICreativeFields f, PathResolver resolve)
        {
            var pages = PinItem.ReadAll(nameof(f.Page), "page", f.Page ?? new object?[0], PinItem.PageKeys);
            if (pages.Length == 0)
            {
                throw PinterestAdsException.InvalidArgument(nameof(f.Page), "an Idea Pin needs at least one page.");
            }

            foreach (var page in pages)
            {
                var given = new[] { page.ImageUrl, page.ImagePath, page.VideoPath, page.MediaId }.Count(v => v != null);
                if (given != 1)
                {
                    throw page.Invalid($"give exactly one of {PinItem.ImageUrlKey}, {PinItem.ImagePathKey}, {PinItem.VideoPathKey} or {PinItem.MediaIdKey} ({given} given).");
                }
            }

            int images = pages.Count(p => p.IsImage);
            int videos = pages.Length - images;
            bool coverGiven = f.CoverImageUrl != null || f.CoverImagePath != null || f.CoverKeyFrameTime != null;
            if (videos == 0 && coverGiven)
            {
                string cover = f.CoverImageUrl != null ? nameof(f.CoverImageUrl) : f.CoverImagePath != null ? nameof(f.CoverImagePath) : nameof(f.CoverKeyFrameTime);
                throw PinterestAdsException.InvalidArgument(cover, "applies to an Idea Pin only when its page is a video; these pages are images.");
            }

            if (videos == 0 && images == 1)
            {
                var page = pages[0];
                var image = MediaSources.Image(nameof(f.Page), page.Label + ": ", page.ImageUrl, page.ImagePath, resolve);
                return new IdeaPinMapping(image, null, $"1 image page → an image pin ({image["source_type"]})", page);
            }

            if (videos == 0 && images >= MediaSources.MinSlides && images <= MediaSources.MaxSlides)
            {
                var carousel = MediaSources.Carousel(pages, resolve);
                return new IdeaPinMapping(carousel, null, $"{images} image pages → a carousel ({carousel["source_type"]})", null);
            }

            if (videos == 1 && images == 0)
            {
                var page = pages[0];
                var video = page.MediaId != null
                    ? new PendingVideo(nameof(f.Page), PinterestId.ParseContentId(nameof(f.Page), page.MediaId), null, CreativeRequests.Cover(f, resolve))
                    : new PendingVideo(nameof(f.Page), null, UploadFile.Open(nameof(f.Page), resolve(nameof(f.Page), page.VideoPath!)), CreativeRequests.Cover(f, resolve));
                return new IdeaPinMapping(null, video, $"1 video page → a video pin ({MediaSources.VideoId})", page);
            }

            throw PinterestAdsException.InvalidArgument(
                nameof(f.Page),
                $"API v5 cannot create Idea Pins, and {pages.Length} page(s) with {images} image(s) and {videos} video(s) map onto nothing it can create without losing pages: " +
                $"it takes one image page (an image pin), {MediaSources.MinSlides} to {MediaSources.MaxSlides} image pages (a carousel) or one video page (a video pin). Nothing was sent.",
                pages.Length);
        }
    }
}
