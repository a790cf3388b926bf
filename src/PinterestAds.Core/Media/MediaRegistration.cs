using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using PinterestAds.Core.Ads;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Http;
using PinterestAds.Core.Json;
using PinterestAds.Core.Uploads;

namespace PinterestAds.Core.Media
{
    /// <summary>Pinterest's answer to <c>POST /media</c> (spec <c>MediaUpload</c>): the new media's id and where its bytes go.</summary>
    internal sealed class MediaRegistration
    {
        private MediaRegistration(PinterestId mediaId, UploadForm form)
        {
            MediaId = mediaId;
            Form = form;
        }

        public PinterestId MediaId { get; }

        public UploadForm Form { get; }

        /// <summary>Reads the answer; one without a usable id, https upload URL or parameters is the invalidResponse error.</summary>
        public static MediaRegistration Read(ApiResponse response)
        {
            var json = response.Json();
            string? id = json.GetStringOrNull("media_id");
            if (id is null || !id.All(c => c >= '0' && c <= '9') || id.Length == 0 || id.Length > PinterestId.MaxContentIdLength)
            {
                throw InvalidResponse.Of(response, "it has no media_id of digits");
            }

            var url = UploadForm.AcceptableUrl(json.GetStringOrNull("upload_url"))
                ?? throw InvalidResponse.Of(response, "its upload_url is not an https address");
            if (!json.TryGetProperty("upload_parameters", out var parameters) || parameters.ValueKind != JsonValueKind.Object)
            {
                throw InvalidResponse.Of(response, "it has no upload_parameters");
            }

            // In Pinterest's order: an S3 POST policy wants its fields as issued, before the file.
            var fields = parameters.EnumerateObject()
                .Select(p => new KeyValuePair<string, string>(p.Name, p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? string.Empty : p.Value.GetRawText()))
                .ToArray();
            return new MediaRegistration(PinterestId.ParseContentId("media_id", id), new UploadForm(url, fields));
        }
    }
}
