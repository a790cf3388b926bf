using System;
using System.Text.Json.Nodes;
using PinterestAds.Testing.Ads;
using PinterestAds.Testing.Http;
using PinterestAds.Testing.Json;
using PinterestAds.Testing.Routing;
using PinterestAds.Testing.Uploads;

namespace PinterestAds.Testing.Media
{
    /// <summary>
    /// <c>POST /v5/media</c> (register a video: an upload URL and S3 POST policy fields),
    /// <c>GET /v5/media/{media_id}</c> (status; each "processing" answer counts as a poll) and
    /// <c>GET /v5/media</c> (paged). FACTS §7.
    /// </summary>
    internal sealed class MediaEndpoints : IEndpointModule
    {
        private const string PinsRead = "pins:read";
        private const string PinsWrite = "pins:write";

        private readonly MediaStore _store;
        private readonly Func<DateTimeOffset> _clock;
        private readonly Func<string> _origin;

        /// <param name="origin">The server's own origin (<c>http://127.0.0.1:PORT</c>), where the upload host lives.</param>
        public MediaEndpoints(MediaStore store, Func<DateTimeOffset> clock, Func<string> origin)
        {
            _store = store;
            _clock = clock;
            _origin = origin;
        }

        public void Map(Router router)
        {
            router.Map("POST", "/v5/media", RouteSecurity.Bearer(PinsRead, PinsWrite), Register);
            router.Map("GET", "/v5/media", RouteSecurity.Bearer(PinsRead), List);
            router.Map("GET", "/v5/media/{media_id}", RouteSecurity.Bearer(PinsRead), Get);
        }

        private HttpResponseData Register(RequestContext context)
        {
            if (!(context.JsonBody() is JsonObject body))
            {
                throw new ApiErrorException(400, 1, "Invalid request body: expected a JSON object with media_type.");
            }

            string? type = JsonFields.String(body, "media_type");
            if (type == null)
            {
                throw new ApiErrorException(400, 1, "Missing required parameter 'media_type'.");
            }

            if (type != MediaStatus.VideoType)
            {
                throw new ApiErrorException(400, 1, "Invalid parameter 'media_type': '" + type + "' is not one of video.");
            }

            var (media, policy) = _store.Register(context.Now, _clock);
            var parameters = new JsonObject();
            foreach (var field in policy.Fields)
            {
                parameters[field.Key] = field.Value;
            }

            return ApiResults.Json(201, new JsonObject
            {
                ["media_id"] = media.Id,
                ["media_type"] = MediaStatus.VideoType,
                ["upload_url"] = _origin() + UploadEndpoint.PathPrefix,
                ["upload_parameters"] = parameters,
            });
        }

        private HttpResponseData Get(RequestContext context)
        {
            string id = context.Route("media_id");
            MediaRecord media = _store.Find(id) ?? throw new ApiErrorException(404, 404, "Media upload not found: " + id);
            _store.Status(media, context.Now, countPoll: true);
            return ApiResults.Json(200, media.ToJson());
        }

        private HttpResponseData List(RequestContext context) =>
            ApiResults.Json(200, Paging.PageOf(context.Query, _store.All(context.Now), m => m.NumericId, m => m.ToJson()));
    }
}
