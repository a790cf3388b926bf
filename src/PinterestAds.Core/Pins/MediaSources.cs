using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using PinterestAds.Core.Ads.Inputs;
using PinterestAds.Core.Errors;

namespace PinterestAds.Core.Pins
{
    /// <summary>
    /// The <c>media_source</c> objects of <c>POST /pins</c> (spec <c>PinMediaSource</c>, FACTS §8),
    /// built from checked input: an image by URL or inline, a carousel of 2-5 images, a video cover.
    /// </summary>
    internal static class MediaSources
    {
        public const string ImageUrl = "image_url";
        public const string ImageBase64 = "image_base64";
        public const string VideoId = "video_id";
        public const string ImageUrls = "multiple_image_urls";
        public const string ImagesBase64 = "multiple_image_base64";

        public const int MinSlides = 2;
        public const int MaxSlides = 5;

        /// <summary>One image: by <paramref name="url"/> (image_url), or read from <paramref name="path"/> and sent inline (image_base64).</summary>
        public static JsonObject Image(string parameter, string where, string? url, string? path, PathResolver resolve)
        {
            if (url != null)
            {
                return new JsonObject { ["source_type"] = ImageUrl, ["url"] = BodyBuilder.CheckUrl(parameter, url, webOnly: true, where) };
            }

            var image = ImageFile.Read(parameter, where, resolve(parameter, path!));
            return new JsonObject { ["source_type"] = ImageBase64, ["content_type"] = image.ContentType, ["data"] = image.Data };
        }

        /// <summary>
        /// A carousel of <paramref name="items"/> (slides or pages), each with an ImageUrl or an
        /// ImagePath: all URLs (multiple_image_urls) or all files (multiple_image_base64), since
        /// Pinterest takes no mix.
        /// </summary>
        public static JsonObject Carousel(IReadOnlyList<PinItem> items, PathResolver resolve)
        {
            string parameter = items[0].Parameter;
            foreach (var item in items)
            {
                if (item.ImageUrl != null && item.ImagePath != null)
                {
                    throw item.Invalid($"give {PinItem.ImageUrlKey} or {PinItem.ImagePathKey}, not both.");
                }

                if (!item.IsImage)
                {
                    throw item.Invalid($"{PinItem.ImageUrlKey} or {PinItem.ImagePathKey} is required: a carousel is made of images.");
                }
            }

            var byUrl = items.Where(i => i.ImageUrl != null).ToArray();
            if (byUrl.Length != 0 && byUrl.Length != items.Count)
            {
                var byFile = items.Where(i => i.ImagePath != null);
                throw PinterestAdsException.InvalidArgument(
                    parameter,
                    $"{Labels(byUrl)} give an {PinItem.ImageUrlKey} and {Labels(byFile)} an {PinItem.ImagePathKey}: a carousel's images are all addresses ({ImageUrls}) or all files ({ImagesBase64}); Pinterest takes no mix.");
            }

            var slides = new JsonArray();
            foreach (var item in items)
            {
                string where = item.Label + ": ";
                var image = Image(parameter, where, item.ImageUrl, item.ImagePath, resolve);
                var slide = new JsonObject();
                if (item.ImageUrl != null)
                {
                    slide["url"] = image["url"]!.DeepClone();
                }
                else
                {
                    slide["content_type"] = image["content_type"]!.DeepClone();
                    slide["data"] = image["data"]!.DeepClone();
                }

                Text(slide, "title", item.Title);
                Text(slide, "description", item.Description);
                if (item.Link != null)
                {
                    slide["link"] = BodyBuilder.CheckUrl(parameter, item.Link, webOnly: true, where + PinItem.LinkKey + " ");
                }

                slides.Add(slide);
            }

            return new JsonObject { ["source_type"] = byUrl.Length != 0 ? ImageUrls : ImagesBase64, ["items"] = slides };
        }

        /// <summary>"slides 1 and 3", "page 2".</summary>
        public static string Labels(IEnumerable<PinItem> items)
        {
            var labels = items.Select(i => i.Label).ToArray();
            string noun = labels[0].Split(' ')[0];
            var numbers = labels.Select(l => l.Split(' ')[1]).ToArray();
            return numbers.Length == 1 ? labels[0] : noun + "s " + string.Join(", ", numbers.Take(numbers.Length - 1)) + " and " + numbers[numbers.Length - 1];
        }

        private static void Text(JsonObject target, string field, string? value)
        {
            if (value != null)
            {
                target[field] = value;
            }
        }
    }
}
