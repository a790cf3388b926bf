using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Ads;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Http;
using PinterestAds.Core.Idempotency;
using PinterestAds.Core.Session;

namespace PinterestAds.Core.Media
{
    /// <summary>Pinterest's media endpoints: <c>POST /media</c>, <c>GET /media/{id}</c> and <c>GET /media</c> (FACTS §7).</summary>
    public static class MediaService
    {
        public static async Task<VideoMedia> GetAsync(PinterestAdsContext context, PinterestId mediaId, ICallObserver observer, CancellationToken cancellationToken)
        {
            var response = await context.Pipeline.SendAsync(ApiRequest.Get("media/" + mediaId, "get_media"), observer, cancellationToken).ConfigureAwait(false);
            return VideoMedia.FromJson(response.Json());
        }

        public static async IAsyncEnumerable<VideoMedia> ListAsync(PinterestAdsContext context, int pageSize, bool allPages, ICallObserver observer, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (var item in context.Pipeline.ListAsync(ApiRequest.Get("media", "list_media"), pageSize, allPages, "media uploads", observer, cancellationToken).ConfigureAwait(false))
            {
                yield return VideoMedia.FromJson(item);
            }
        }

        /// <summary>
        /// Registers a video upload. Its outcome can always be settled by sending it again: a
        /// registration that lost its answer is a media that never gets bytes, which nobody sees
        /// and Pinterest lets lapse. So it is retried like a read (with a generated Idempotency-Key,
        /// never journaled: the answer holds the upload's credentials, which stay off the disk).
        /// </summary>
        internal static async Task<MediaRegistration> RegisterAsync(PinterestAdsContext context, ICallObserver observer, CancellationToken cancellationToken)
        {
            var request = ApiRequest.Post("media", "create_media").WithJsonBody(new JsonObject { ["media_type"] = "video" });
            var response = await context.Pipeline.SendAsync(request, WriteOptions.Repeatable, observer, cancellationToken).ConfigureAwait(false);
            return MediaRegistration.Read(response);
        }
    }
}
