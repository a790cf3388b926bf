using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Ads;
using PinterestAds.Core.Ads.Reconciliation;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Http;
using PinterestAds.Core.Idempotency;
using PinterestAds.Core.Media;
using PinterestAds.Core.Session;
using PinterestAds.Core.Uploads;

namespace PinterestAds.Core.Pins
{
    /// <summary>
    /// Pins as creatives: <c>POST /pins</c>, <c>GET /pins/{id}</c>, <c>GET /boards/{id}/pins</c> and
    /// <c>GET /pins</c> (FACTS §8), each with the optional Business Access ad account.
    /// </summary>
    public static class PinService
    {
        /// <summary>
        /// Makes the pin <paramref name="creative"/> describes. A video is made ready first: media
        /// given by id must have finished processing (Pinterest would only answer "media_id not
        /// found"), a file is sent and waited for. A create whose answer is lost is looked for on
        /// its board (<see cref="PinCreate"/>) and sent again with the same key only if it is not there.
        /// </summary>
        /// <param name="made">Pins this run already made: never adopted for another create.</param>
        /// <param name="wait">How long to wait for an uploaded video to be processed.</param>
        public static async Task<Creative> CreateAsync(
            PinterestAdsContext context,
            CreativeRequest creative,
            PinterestId? adAccountId,
            string? idempotencyKey,
            ISet<string> made,
            MediaWait wait,
            IUploadProgress progress,
            ICallObserver observer,
            CancellationToken cancellationToken)
        {
            var request = ApiRequest.Post("pins", "create_pin")
                .WithQuery("ad_account_id", adAccountId?.ToString())
                .WithIdempotencyKey(idempotencyKey);
            if (creative.Video is PendingVideo video)
            {
                var mediaId = await ReadyVideoAsync(context, video, wait, progress, observer, cancellationToken).ConfigureAwait(false);
                request = request.WithJsonBody(creative.Body(mediaId));
                if (video.File is UploadFile file)
                {
                    // A re-run with the same key uploads the file again, to a new media id: the file, not that id, makes it the same request.
                    var identity = creative.Body(mediaId);
                    ((JsonObject)identity["media_source"]!)["media_id"] = $"upload of {file.FullPath} ({file.Length} bytes)";
                    request = request.WithIdentity(identity);
                }
            }
            else
            {
                request = request.WithJsonBody(creative.Body(null));
            }

            if (creative.Mapping != null)
            {
                observer.Verbose($"API v5 cannot create Idea Pins: {creative.Mapping}.");
            }

            var write = WriteOptions.ReconcileWith(new EntityCreateReconciler(new PinCreate(), made));
            var response = await context.Pipeline.SendAsync(request, write, observer, cancellationToken).ConfigureAwait(false);
            var pin = Creative.FromJson(response.Json(), adAccountId?.ToString(), creative.Type.ToString(), creative.PinShape);
            made.Add(pin.PinId);
            return pin;
        }

        public static async Task<Creative> GetAsync(PinterestAdsContext context, PinterestId pinId, PinterestId? adAccountId, ICallObserver observer, CancellationToken cancellationToken)
        {
            var request = ApiRequest.Get("pins/" + pinId, "get_pin").WithQuery("ad_account_id", adAccountId?.ToString());
            var response = await context.Pipeline.SendAsync(request, observer, cancellationToken).ConfigureAwait(false);
            return Creative.FromJson(response.Json(), adAccountId?.ToString());
        }

        /// <summary>The pins of a board, or (no board) every pin the user owns.</summary>
        public static async IAsyncEnumerable<Creative> ListAsync(PinterestAdsContext context, PinterestId? boardId, PinterestId? adAccountId, int pageSize, bool allPages, ICallObserver observer, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var request = (boardId is PinterestId board ? ApiRequest.Get("boards/" + board + "/pins", "list_board_pins") : ApiRequest.Get("pins", "list_pins"))
                .WithQuery("ad_account_id", adAccountId?.ToString());
            await foreach (var item in context.Pipeline.ListAsync(request, pageSize, allPages, "pins", observer, cancellationToken).ConfigureAwait(false))
            {
                yield return Creative.FromJson(item, adAccountId?.ToString());
            }
        }

        private static async Task<PinterestId> ReadyVideoAsync(PinterestAdsContext context, PendingVideo video, MediaWait wait, IUploadProgress progress, ICallObserver observer, CancellationToken cancellationToken)
        {
            if (video.MediaId is PinterestId mediaId)
            {
                var media = await MediaService.GetAsync(context, mediaId, observer, cancellationToken).ConfigureAwait(false);
                return media.Status == MediaStatus.Succeeded ? mediaId : throw MediaErrors.NotReady(video.Parameter, mediaId, media.Status);
            }

            var sent = await VideoSender.SendAsync(context, video.File!, new MediaWait(untilProcessed: true, wait.Timeout), progress, observer, cancellationToken).ConfigureAwait(false);
            return PinterestId.ParseContentId("media_id", sent.MediaId);
        }
    }
}
