using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Ads;
using PinterestAds.Core.Ads.Reconciliation;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Http;
using PinterestAds.Core.Idempotency;
using PinterestAds.Core.Session;

namespace PinterestAds.Core.Boards
{
    /// <summary>
    /// Boards: <c>POST /boards</c>, <c>GET /boards/{id}</c>, <c>GET /boards</c> (FACTS §8). Each takes
    /// an optional ad account, the Business Access <c>ad_account_id</c> query: act as that account's owner.
    /// </summary>
    public static class BoardService
    {
        /// <summary>
        /// Creates a board. A create whose answer is lost is looked for among the boards made since
        /// (<see cref="BoardCreate"/>) and sent again with the same key only if it is not there.
        /// </summary>
        /// <param name="made">Boards this run already made: never adopted for another create.</param>
        public static async Task<Board> CreateAsync(PinterestAdsContext context, IBoardFields fields, PinterestId? adAccountId, string? idempotencyKey, ISet<string> made, ICallObserver observer, CancellationToken cancellationToken)
        {
            var request = ApiRequest.Post("boards", "create_board")
                .WithQuery("ad_account_id", adAccountId?.ToString())
                .WithIdempotencyKey(idempotencyKey)
                .WithJsonBody(BoardRequests.Create(fields));
            var write = WriteOptions.ReconcileWith(new EntityCreateReconciler(new BoardCreate(), made));
            var response = await context.Pipeline.SendAsync(request, write, observer, cancellationToken).ConfigureAwait(false);
            var board = Board.FromJson(response.Json());
            made.Add(board.BoardId);
            return board;
        }

        public static async Task<Board> GetAsync(PinterestAdsContext context, PinterestId boardId, PinterestId? adAccountId, ICallObserver observer, CancellationToken cancellationToken)
        {
            var request = ApiRequest.Get("boards/" + boardId, "get_board").WithQuery("ad_account_id", adAccountId?.ToString());
            var response = await context.Pipeline.SendAsync(request, observer, cancellationToken).ConfigureAwait(false);
            return Board.FromJson(response.Json());
        }

        public static async IAsyncEnumerable<Board> ListAsync(PinterestAdsContext context, PinterestId? adAccountId, int pageSize, bool allPages, ICallObserver observer, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var request = ApiRequest.Get("boards", "list_boards").WithQuery("ad_account_id", adAccountId?.ToString());
            await foreach (var item in context.Pipeline.ListAsync(request, pageSize, allPages, "boards", observer, cancellationToken).ConfigureAwait(false))
            {
                yield return Board.FromJson(item);
            }
        }
    }
}
