using System;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using PinterestAds.Testing.Ads;
using PinterestAds.Testing.Http;
using PinterestAds.Testing.Json;
using PinterestAds.Testing.OAuth;
using PinterestAds.Testing.Routing;

namespace PinterestAds.Testing.Pins
{
    /// <summary>
    /// <c>POST /v5/boards</c>, <c>GET /v5/boards</c> (paged, <c>privacy</c> filter),
    /// <c>GET /v5/boards/{board_id}</c> and <c>GET /v5/boards/{board_id}/pins</c> (paged). FACTS §8.
    /// </summary>
    internal sealed class BoardEndpoints : IEndpointModule
    {
        public const string BoardsRead = "boards:read";
        public const string BoardsWrite = "boards:write";
        public const string PinsRead = "pins:read";

        private static readonly string[] Privacy = { "PUBLIC", "PROTECTED", "SECRET" };
        private static readonly string[] PrivacyFilter = { "ALL", "PUBLIC", "PROTECTED", "SECRET", "PUBLIC_AND_SECRET" };

        private static readonly FieldRules BoardRules = new FieldRules()
            .String("name", nullable: false)
            .String("description")
            .Enum("privacy", Privacy)
            .Boolean("is_ads_only");

        private readonly PinsState _state;
        private readonly AdsState _ads;

        public BoardEndpoints(PinsState state, AdsState ads)
        {
            _state = state;
            _ads = ads;
        }

        public void Map(Router router)
        {
            router.Map("POST", "/v5/boards", RouteSecurity.Bearer(BoardsRead, BoardsWrite), Create);
            router.Map("GET", "/v5/boards", RouteSecurity.Bearer(BoardsRead), List);
            router.Map("GET", "/v5/boards/{board_id}", RouteSecurity.Bearer(BoardsRead), Get);
            router.Map("GET", "/v5/boards/{board_id}/pins", RouteSecurity.Bearer(BoardsRead, PinsRead), ListPins);
        }

        /// <summary>The optional <c>ad_account_id</c> query (Business Access) must name an ad account.</summary>
        public static void CheckAdAccount(AdsState ads, RequestContext context)
        {
            string? adAccountId = context.Query.First("ad_account_id");
            if (adAccountId != null)
            {
                AdAccountEndpoints.Require(ads, adAccountId);
            }
        }

        public static ApiErrorException BoardNotFound() => new ApiErrorException(404, 40, "Board not found.");

        public static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

        private HttpResponseData Create(RequestContext context)
        {
            CheckAdAccount(_ads, context);
            if (!(context.JsonBody() is JsonObject request))
            {
                throw new ApiErrorException(400, 1, "Invalid request body: expected a JSON object.");
            }

            var errors = new ItemErrors();
            BoardRules.Check(request, errors);
            string? name = JsonFields.String(request, "name");
            if (string.IsNullOrWhiteSpace(name))
            {
                errors.Invalid("Missing required parameter 'name'.");
            }

            if (errors.Any)
            {
                throw new ApiErrorException(400, errors.All[0].Key, errors.All[0].Value);
            }

            // Spec: an ad-only board is always named "Ad-only Pins" and PROTECTED.
            bool adsOnly = JsonFields.IsTrue(request, "is_ads_only");
            string created = Timestamp(context.Now);
            lock (_state.Sync)
            {
                long id = _state.NextBoardId();
                var board = new JsonObject
                {
                    ["id"] = id.ToString(CultureInfo.InvariantCulture),
                    ["created_at"] = created,
                    ["board_pins_modified_at"] = created,
                    ["name"] = adsOnly ? "Ad-only Pins" : name,
                    ["description"] = JsonFields.String(request, "description"),
                    ["collaborator_count"] = 0,
                    ["follower_count"] = 0,
                    ["pin_count"] = 0,
                    ["media"] = new JsonObject { ["image_cover_url"] = null, ["pin_thumbnail_urls"] = new JsonArray() },
                    ["owner"] = new JsonObject { ["username"] = DefaultUser.Username },
                    ["privacy"] = adsOnly ? "PROTECTED" : JsonFields.String(request, "privacy") ?? "PUBLIC",
                    ["is_ads_only"] = adsOnly,
                };
                _state.Boards[id] = board;
                return ApiResults.Json(201, board.DeepClone());
            }
        }

        private HttpResponseData Get(RequestContext context)
        {
            CheckAdAccount(_ads, context);
            lock (_state.Sync)
            {
                JsonObject board = _state.FindBoard(context.Route("board_id")) ?? throw BoardNotFound();
                return ApiResults.Json(200, board.DeepClone());
            }
        }

        private HttpResponseData List(RequestContext context)
        {
            CheckAdAccount(_ads, context);
            string filter = context.Query.First("privacy") ?? "ALL";
            if (!PrivacyFilter.Contains(filter))
            {
                throw new ApiErrorException(400, 1, "Invalid parameter 'privacy': '" + filter + "' is not one of " + string.Join(", ", PrivacyFilter) + ".");
            }

            lock (_state.Sync)
            {
                var boards = _state.Boards.Where(b => Matches(filter, JsonFields.String(b.Value, "privacy")));
                return ApiResults.Json(200, Paging.PageOf(context.Query, boards, b => b.Key, b => b.Value.DeepClone()));
            }
        }

        private HttpResponseData ListPins(RequestContext context)
        {
            CheckAdAccount(_ads, context);
            lock (_state.Sync)
            {
                string boardId = context.Route("board_id");
                if (_state.FindBoard(boardId) == null)
                {
                    throw BoardNotFound();
                }

                var pins = _state.Pins.Where(p => JsonFields.String(p.Value, "board_id") == boardId);
                return ApiResults.Json(200, Paging.PageOf(context.Query, pins, p => p.Key, p => p.Value.DeepClone()));
            }
        }

        private static bool Matches(string filter, string? privacy) =>
            filter == "ALL" || filter == privacy || (filter == "PUBLIC_AND_SECRET" && (privacy == "PUBLIC" || privacy == "SECRET"));
    }
}
