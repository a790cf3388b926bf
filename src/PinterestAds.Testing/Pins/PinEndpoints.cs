using System;
using System.Globalization;
using System.Text.Json.Nodes;
using PinterestAds.Testing.Ads;
using PinterestAds.Testing.Http;
using PinterestAds.Testing.Json;
using PinterestAds.Testing.Media;
using PinterestAds.Testing.OAuth;
using PinterestAds.Testing.Routing;

namespace PinterestAds.Testing.Pins
{
    /// <summary>
    /// <c>POST /v5/pins</c> (on an existing board, with a valid media_source, field limits
    /// enforced; refused with code 29 in trial-access mode), <c>GET /v5/pins/{pin_id}</c> and
    /// <c>GET /v5/pins</c> (paged). FACTS §8.
    /// </summary>
    internal sealed class PinEndpoints : IEndpointModule
    {
        public const string TrialAccessMessage = "Apps with Trial access may not create Pins in production. Please request Standard access, or use API Sandbox (https://api-sandbox.pinterest.com/v5) to create Pins.";

        private const string PinsWrite = "pins:write";

        private static readonly FieldRules PinRules = new FieldRules()
            .String("board_id", nullable: false, pattern: @"^\d+$")
            .String("board_section_id", pattern: @"^\d+$")
            .String("title", maxLength: 100)
            .String("description", maxLength: 800)
            .String("link", maxLength: 2048)
            .String("alt_text", maxLength: 500)
            .String("dominant_color")
            .String("parent_pin_id", pattern: @"^\d+$")
            .String("sponsor_id", pattern: @"^\d+$")
            .Object("media_source");

        private readonly PinsState _state;
        private readonly AdsState _ads;
        private readonly MediaStore _media;
        private readonly ServerSettings _settings;

        public PinEndpoints(PinsState state, AdsState ads, MediaStore media, ServerSettings settings)
        {
            _state = state;
            _ads = ads;
            _media = media;
            _settings = settings;
        }

        public void Map(Router router)
        {
            var write = RouteSecurity.Bearer(BoardEndpoints.BoardsRead, BoardEndpoints.BoardsWrite, BoardEndpoints.PinsRead, PinsWrite);
            var read = RouteSecurity.Bearer(BoardEndpoints.BoardsRead, BoardEndpoints.PinsRead);
            router.Map("POST", "/v5/pins", write, Create);
            router.Map("GET", "/v5/pins", read, List);
            router.Map("GET", "/v5/pins/{pin_id}", read, Get);
        }

        private HttpResponseData Create(RequestContext context)
        {
            if (_settings.TrialAccess)
            {
                throw new ApiErrorException(403, 29, TrialAccessMessage);
            }

            BoardEndpoints.CheckAdAccount(_ads, context);
            if (!(context.JsonBody() is JsonObject request))
            {
                throw new ApiErrorException(400, 1, "Invalid request body: expected a JSON object.");
            }

            var errors = new ItemErrors();
            PinRules.Check(request, errors);
            if (errors.Any)
            {
                throw new ApiErrorException(400, errors.All[0].Key, errors.All[0].Value);
            }

            string? link = JsonFields.String(request, "link");
            if (link != null && !MediaSource.IsWebUrl(link))
            {
                throw new ApiErrorException(400, 1, MediaSource.InvalidUrl);
            }

            string boardId = JsonFields.String(request, "board_id") ?? throw new ApiErrorException(400, 1, "Missing required parameter 'board_id'.");
            lock (_state.Sync)
            {
                JsonObject board = _state.FindBoard(boardId) ?? throw BoardEndpoints.BoardNotFound();
                MediaSource source = MediaSource.Parse(request["media_source"], _media, context.Now);
                long id = _state.NextPinId();
                string created = BoardEndpoints.Timestamp(context.Now);
                var pin = new JsonObject
                {
                    ["id"] = id.ToString(CultureInfo.InvariantCulture),
                    ["created_at"] = created,
                    ["link"] = link,
                    ["title"] = JsonFields.String(request, "title"),
                    ["description"] = JsonFields.String(request, "description"),
                    ["dominant_color"] = JsonFields.String(request, "dominant_color"),
                    ["alt_text"] = JsonFields.String(request, "alt_text"),
                    ["creative_type"] = source.CreativeType,
                    ["board_id"] = boardId,
                    ["board_section_id"] = JsonFields.String(request, "board_section_id"),
                    ["board_owner"] = new JsonObject { ["username"] = DefaultUser.Username },
                    ["is_owner"] = true,
                    ["media"] = source.Media,
                    ["parent_pin_id"] = JsonFields.String(request, "parent_pin_id"),
                    ["is_standard"] = true,
                    ["has_been_promoted"] = false,
                    ["note"] = null,
                    ["pin_metrics"] = null,
                };
                _state.Pins[id] = pin;
                board["pin_count"] = (JsonFields.Long(board, "pin_count") ?? 0) + 1;
                board["board_pins_modified_at"] = created;
                return ApiResults.Json(201, pin.DeepClone());
            }
        }

        private HttpResponseData Get(RequestContext context)
        {
            BoardEndpoints.CheckAdAccount(_ads, context);
            lock (_state.Sync)
            {
                JsonObject pin = _state.FindPin(context.Route("pin_id")) ?? throw new ApiErrorException(404, 50, "Pin not found.");
                return ApiResults.Json(200, pin.DeepClone());
            }
        }

        private HttpResponseData List(RequestContext context)
        {
            BoardEndpoints.CheckAdAccount(_ads, context);
            lock (_state.Sync)
            {
                return ApiResults.Json(200, Paging.PageOf(context.Query, _state.Pins, p => p.Key, p => p.Value.DeepClone()));
            }
        }
    }
}
